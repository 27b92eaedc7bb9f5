package dev.shoecatalog.query.health;

import dev.shoecatalog.query.service.CatalogService;
import dev.shoecatalog.query.store.StoreName;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@Singleton
public class ElasticsearchReadiness extends StoreReadiness implements HealthCheck {

    ElasticsearchReadiness(CatalogService catalog) {
        super(catalog, StoreName.ELASTICSEARCH);
    }
}
