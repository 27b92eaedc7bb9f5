package dev.shoecatalog.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.shoecatalog.query.service.CatalogService;
import dev.shoecatalog.query.store.GenerationInfo;
import dev.shoecatalog.query.store.StoreName;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * {@code shoes_catalog_generation{store}} and {@code shoes_catalog_generation_age_seconds{store}}: the
 * generation each store serves and how long ago its load finished (NaN while unknown). Read from the
 * stores every 15 s on a thread of its own, so that a scrape never waits for a store.
 */
@ApplicationScoped
public class CatalogMetrics {

    private static final Logger LOG = Logger.getLogger(CatalogMetrics.class);
    private static final Duration REFRESH = Duration.ofSeconds(15);

    private final CatalogService catalog;
    private final MeterRegistry registry;
    /** Written by the refresher thread, read by scrapes. */
    private final Map<StoreName, Optional<GenerationInfo>> latest = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    CatalogMetrics(CatalogService catalog, MeterRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        for (StoreName store : StoreName.values()) {
            latest.put(store, Optional.empty());
            Gauge.builder("shoes.catalog.generation", this, m -> m.generation(store)).tag("store", store.path())
                    .description("The generation the store serves").register(registry);
            Gauge.builder("shoes.catalog.generation.age", this, m -> m.ageSeconds(store)).tag("store", store.path())
                    .baseUnit("seconds").description("Time since the load of the served generation finished").register(registry);
        }
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "catalog-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private void refresh() {
        for (StoreName store : StoreName.values()) {
            try {
                latest.put(store, catalog.generation(store));
            } catch (RuntimeException unavailable) {
                LOG.debugf("%s: no generation for the metrics (%s)", store.path(), unavailable.getMessage());
                latest.put(store, Optional.empty());
            }
        }
    }

    private double generation(StoreName store) {
        return latest.getOrDefault(store, Optional.empty()).map(g -> (double) g.generation()).orElse(Double.NaN);
    }

    private double ageSeconds(StoreName store) {
        return latest.getOrDefault(store, Optional.empty()).flatMap(GenerationInfo::loadedAt)
                .map(loaded -> Duration.between(loaded, Instant.now()).toMillis() / 1000.0).orElse(Double.NaN);
    }
}
