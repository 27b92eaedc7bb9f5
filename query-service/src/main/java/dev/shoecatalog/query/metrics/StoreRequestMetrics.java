package dev.shoecatalog.query.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code shoes_requests_seconds{store, endpoint, status}}: every API request by the store it asked
 * (the HTTP server metric has one URI template for both stores) and the endpoint, with a latency
 * histogram for percentiles in dashboards.
 */
public class StoreRequestMetrics {

    private static final String STARTED = StoreRequestMetrics.class.getName() + ".started";
    private static final Pattern API = Pattern.compile("^/v1/(redis|elasticsearch)/shoes/(latest|search|[^/]+)$");
    private static final Pattern LEGACY = Pattern.compile("^/(redis|elastic)_shoes/(latest|latest/color)$");

    private final MeterRegistry registry;
    /** One timer per store, endpoint and status class, built once: registering on every request costs more than timing it. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    StoreRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerRequestFilter
    public void started(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void answered(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        String[] storeAndEndpoint = classify(request.getUriInfo().getPath());
        if (started == null || storeAndEndpoint == null) {
            return;
        }
        String status = response.getStatus() / 100 + "xx";
        timers.computeIfAbsent(storeAndEndpoint[0] + ' ' + storeAndEndpoint[1] + ' ' + status,
                key -> Timer.builder("shoes.requests").description("API requests by store and endpoint")
                        .tag("store", storeAndEndpoint[0]).tag("endpoint", storeAndEndpoint[1])
                        .tag("status", status).publishPercentileHistogram().register(registry))
                .record(System.nanoTime() - (long) started, TimeUnit.NANOSECONDS);
    }

    /** {store, endpoint} of an API path, or null for anything else (docs, health, metrics). */
    static String[] classify(String path) {
        Matcher api = API.matcher(path);
        if (api.matches()) {
            String endpoint = api.group(2);
            return new String[] {api.group(1), endpoint.equals("latest") || endpoint.equals("search") ? endpoint : "by-id"};
        }
        Matcher legacy = LEGACY.matcher(path);
        if (legacy.matches()) {
            return new String[] {legacy.group(1).equals("elastic") ? "elasticsearch" : "redis",
                    legacy.group(2).equals("latest") ? "legacy-latest" : "legacy-latest-color"};
        }
        return null;
    }
}
