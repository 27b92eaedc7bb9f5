package dev.shoecatalog.query.health;

import dev.shoecatalog.query.service.CatalogService;
import dev.shoecatalog.query.store.StoreName;
import dev.shoecatalog.query.store.StoreUnavailableException;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means "this instance can serve": UP while at least one store answers, since each store's
 * endpoints work on their own (the other store's answer 503) and Swagger UI needs neither. Each
 * store's state is in the data: {@code serving} with its generation and products, {@code no catalog
 * yet}, or {@code unreachable} with the reason. Liveness has no check of the stores at all.
 */
@Readiness
@Singleton
public class CatalogReadiness implements HealthCheck {

    private final CatalogService catalog;

    CatalogReadiness(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("catalog");
        boolean anyReachable = false;
        for (StoreName store : StoreName.values()) {
            anyReachable |= describe(store, response);
        }
        return response.status(anyReachable).build();
    }

    /** Adds the store's state to the data; whether it answered. */
    private boolean describe(StoreName store, HealthCheckResponseBuilder response) {
        String prefix = store.path() + ".";
        try {
            catalog.generation(store).ifPresentOrElse(g -> response.withData(prefix + "state", "serving")
                            .withData(prefix + "generation", g.generation()).withData(prefix + "products", g.products()),
                    () -> response.withData(prefix + "state", "no catalog yet"));
            return true;
        } catch (StoreUnavailableException e) {
            response.withData(prefix + "state", "unreachable").withData(prefix + "problem", e.getMessage());
            return false;
        }
    }
}
