package dev.shoecatalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import dev.shoecatalog.testsupport.QueryServiceProcess;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.RedisServer;

/**
 * Redis "latest" alone and while heavy Redis searches run beside it (every product matched and
 * sorted), for one or more builds of the service on the same catalog: what the per-instance limit on
 * concurrent Redis searches buys. Arguments: {@code products report.md label=service.jar... [seconds]}.
 */
public final class RedisSearchContention {

    private static final String LATEST = "/v1/redis/shoes/latest?n=10";
    /** Searches that match many products: a color (about one in eight) and every product with a price. */
    private static final List<String> HEAVY_SEARCHES = List.of("/v1/redis/shoes/search?color=black&n=100",
            "/v1/redis/shoes/search?minPrice=0&n=100");
    private static final int LATEST_CONNECTIONS = 8;
    private static final int SEARCH_CONNECTIONS = 16;

    record Row(String build, String search, Wrk.Result alone, Wrk.Result contended, Wrk.Result searches) {
    }

    private RedisSearchContention() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path report = Path.of(args[1]);
        List<String[]> builds = new ArrayList<>();
        int seconds = 15;
        for (int i = 2; i < args.length; i++) {
            if (args[i].contains("=")) {
                builds.add(args[i].split("=", 2));
            } else {
                seconds = Integer.parseInt(args[i]);
            }
        }
        Path work = Files.createTempDirectory("shoes-contention-bench-");
        Path logs = Path.of("target/benchmark");
        Files.createDirectories(logs);
        Wrk wrk = new Wrk();
        List<Row> rows = new ArrayList<>();
        long products;
        try (RedisServer redis = RedisServer.start(logs); ElasticsearchServer elasticsearch = ElasticsearchServer.start(logs)) {
            products = QueryBenchmark.load(size, work, redis, elasticsearch, logs);
            for (String[] build : builds) {
                try (QueryServiceProcess service = QueryServiceProcess.startReady(Path.of(build[1]), redis.url(), elasticsearch.endpoint().url(),
                        logs.resolve("contention-" + build[0] + ".log"))) {
                    wrk.run(service.url() + LATEST, (String) null, LATEST_CONNECTIONS, 5); // warm-up (JIT), not reported
                    Wrk.Result alone = wrk.run(service.url() + LATEST, (String) null, LATEST_CONNECTIONS, seconds);
                    for (String search : HEAVY_SEARCHES) {
                        int searchSeconds = seconds + 4;
                        CompletableFuture<Wrk.Result> searches = CompletableFuture.supplyAsync(() -> {
                            try {
                                return wrk.run(service.url() + search, (String) null, SEARCH_CONNECTIONS, searchSeconds);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        Thread.sleep(2_000);
                        Wrk.Result contended = wrk.run(service.url() + LATEST, (String) null, LATEST_CONNECTIONS, seconds);
                        rows.add(new Row(build[0], search, alone, contended, searches.join()));
                        System.out.println(rows.get(rows.size() - 1));
                    }
                }
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        // Only the build labels: a jar's path is this machine's business.
        String arguments = args[0] + " " + String.join(" ", builds.stream().filter(b -> !b[0].equals("this"))
                .map(b -> b[0] + "=<its quarkus-run.jar>").toList());
        Files.writeString(report, markdown(rows, products, seconds, arguments.strip()));
        System.out.println("report: " + report);
    }

    private static String markdown(List<Row> rows, long products, int seconds, String arguments) {
        StringBuilder md = new StringBuilder();
        md.append("# Redis \"latest\" beside heavy Redis searches\n\n");
        md.append(String.format(Locale.ROOT, "%s, %,d products, on this project's build machine (2 cores shared by wrk, the"
                + " service in JVM mode, Redis with RediSearch 1.2 and Elasticsearch). Made by `bin/benchmark-redis-contention %s`."
                + " `latest`: `GET %s`, wrk with %d connections for %d s, alone, then while another wrk sends a search that matches"
                + " many products with %d connections (a client that ignores Retry-After). Latencies in ms.%n%n", LocalDate.now(),
                products, arguments, LATEST, LATEST_CONNECTIONS, seconds, SEARCH_CONNECTIONS));
        md.append("| build | search beside | latest alone req/s | p50 | p99 | latest beside searches req/s | p50 | p99 | p99 ratio |"
                + " searches req/s | searches answered non-2xx (503: over the limit or over RediSearch's time limit) | search p99 |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %,.0f | %.2f | %.2f | %,.0f | %.2f | %.2f | %.1f | %,.1f | %,d of %,d | %.0f |%n",
                    row.build(), row.search().substring(row.search().indexOf('?') + 1), row.alone().requestsPerSecond(), row.alone().p50(), row.alone().p99(),
                    row.contended().requestsPerSecond(), row.contended().p50(), row.contended().p99(),
                    row.contended().p99() / row.alone().p99(), row.searches().requestsPerSecond(), row.searches().errors(),
                    row.searches().requests(), row.searches().p99()));
        }
        return md.toString();
    }
}
