package dev.shoecatalog.query.health;

import java.util.Map;

import dev.shoecatalog.query.store.StoreName;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means "this instance can serve": UP while at least one store answers, since each store's
 * endpoints work on their own (the other store's answer 503) and Swagger UI needs neither. Each
 * store's state is in the data: {@code serving} with its generation and products, {@code no catalog
 * yet}, {@code unreachable} or {@code not answering} with the reason. Both stores are asked at once
 * and awaited for at most {@code shoes.readiness-budget} ({@link StoreStates}), so the answer comes well
 * within the probe's timeout whatever a store does. Liveness has no check of the stores at all.
 */
@Readiness
@Singleton
public class CatalogReadiness implements HealthCheck {

    private final StoreStates states;

    CatalogReadiness(StoreStates states) {
        this.states = states;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("catalog");
        boolean anyReachable = false;
        for (Map.Entry<StoreName, StoreStates.State> entry : states.now().entrySet()) {
            describe(entry.getKey(), entry.getValue(), response);
            anyReachable |= entry.getValue().reachable();
        }
        return response.status(anyReachable).build();
    }

    private static void describe(StoreName store, StoreStates.State state, HealthCheckResponseBuilder response) {
        String prefix = store.path() + ".";
        switch (state.kind()) {
            case SERVING -> state.generation().ifPresent(g -> response.withData(prefix + "state", "serving")
                    .withData(prefix + "generation", g.generation()).withData(prefix + "products", g.products()));
            case NO_CATALOG -> response.withData(prefix + "state", "no catalog yet");
            case UNREACHABLE -> response.withData(prefix + "state", "unreachable").withData(prefix + "problem", state.problem());
            case NOT_ANSWERING -> response.withData(prefix + "state", "not answering").withData(prefix + "problem", state.problem());
        }
    }
}
