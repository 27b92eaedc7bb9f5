package dev.shoecatalog.query.health;

import dev.shoecatalog.query.service.CatalogService;
import dev.shoecatalog.query.store.StoreName;
import dev.shoecatalog.query.store.StoreUnavailableException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** Ready when the store answers and serves a loaded generation. */
abstract class StoreReadiness {

    private final CatalogService catalog;
    private final StoreName store;

    StoreReadiness(CatalogService catalog, StoreName store) {
        this.catalog = catalog;
        this.store = store;
    }

    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(store.path());
        try {
            return catalog.generation(store)
                    .map(g -> response.up().withData("generation", g.generation()).withData("products", g.products()))
                    .orElseGet(() -> response.down().withData("problem", "no catalog loaded yet"))
                    .build();
        } catch (StoreUnavailableException e) {
            return response.down().withData("problem", e.getMessage()).build();
        }
    }
}
