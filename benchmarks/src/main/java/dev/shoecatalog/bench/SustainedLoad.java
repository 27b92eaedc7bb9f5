package dev.shoecatalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.testsupport.QueryServiceProcess;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.RedisServer;

/**
 * Holds the service at about 70% of its measured saturation for a while, with a reload of the
 * catalog by the ingest job in the middle, and records per window: throughput, latency, errors and
 * the service's resident memory. Writes a CSV (plotted by {@code benchmarks/plots/sustained.gp}) and
 * a Markdown summary. Arguments: {@code products report.md data.csv service.jar [minutes] [window-seconds]}.
 */
public final class SustainedLoad {

    /** A mix of the main reads on both stores, requested in turn by every connection. */
    private static final String PATHS = String.join(",", "/v1/redis/shoes/latest?n=10", "/v1/redis/shoes/latest?n=10&color=black",
            "/v1/elasticsearch/shoes/latest?n=10", "/v1/elasticsearch/shoes/latest?n=10&color=black");
    private static final int CONNECTIONS = 16;

    record Window(int index, double startSeconds, Wrk.Result result, long rssMb, boolean reloading) {
    }

    private SustainedLoad() {
    }

    public static void main(String[] args) throws Exception {
        int products = Integer.parseInt(args[0]);
        Path report = Path.of(args[1]);
        Path csv = Path.of(args[2]);
        Path jar = Path.of(args[3]);
        int minutes = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int windowSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        Path work = Files.createTempDirectory("shoes-sustained-");
        Path logs = Path.of("target/benchmark");
        Files.createDirectories(logs);
        Wrk wrk = new Wrk();
        try (RedisServer redis = RedisServer.start(logs); ElasticsearchServer elasticsearch = ElasticsearchServer.start(logs)) {
            Path dataset = work.resolve("products");
            new DatasetWriter(7, 0.0, 1.0).write(dataset, products, 4);
            String[] jobArgs = JobRun.loadArgs("local[2]", dataset, redis, elasticsearch, work.resolve("rejects"));
            if (JobRun.of(logs.resolve("sustained-load.log"), jobArgs).exitCode() != 0) {
                throw new IllegalStateException("the first load failed; see " + logs);
            }
            try (QueryServiceProcess service = QueryServiceProcess.startReady(jar, redis.url(), elasticsearch.endpoint().url(),
                    logs.resolve("query-service-sustained.log"))) {
                String url = service.url() + "/";
                // Warm-up: the JIT, and Elasticsearch merging the segments of the load it just took.
                wrk.run(url, Map.of("WRK_PATHS", PATHS), CONNECTIONS, 60);
                Wrk.Result saturation = wrk.run(url, Map.of("WRK_PATHS", PATHS), CONNECTIONS, 20);
                double target = 0.7 * saturation.requestsPerSecond();
                long delayMillis = calibratedDelay(wrk, url, target);
                System.out.printf(Locale.ROOT, "saturation %.0f req/s; target %.0f req/s with %d ms pauses%n",
                        saturation.requestsPerSecond(), target, delayMillis);

                int windows = minutes * 60 / windowSeconds;
                List<Window> series = new ArrayList<>();
                CompletableFuture<JobRun> reload = null;
                long start = System.nanoTime();
                for (int i = 0; i < windows; i++) {
                    if (i == windows / 2) {
                        reload = CompletableFuture.supplyAsync(() -> {
                            try {
                                return JobRun.of(logs.resolve("sustained-reload.log"), jobArgs);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    }
                    double at = (System.nanoTime() - start) / 1e9;
                    boolean reloading = reload != null && !reload.isDone(); // at the window's start
                    Wrk.Result result = wrk.run(url, Map.of("WRK_PATHS", PATHS, "WRK_DELAY_MS", Long.toString(delayMillis)),
                            CONNECTIONS, windowSeconds);
                    series.add(new Window(i, at, result, service.rssMb(), reloading));
                    System.out.println(series.get(series.size() - 1));
                }
                JobRun reloaded = reload == null ? null : reload.join();
                write(report, csv, args, saturation, target, delayMillis, series, reloaded, products);
            }
        }
    }

    /**
     * The pause between a connection's requests that makes all connections together send about
     * {@code target} requests/s: a first guess from the target alone, corrected once by a measured run
     * (a connection's cycle is its pause plus the latency at that rate).
     */
    private static long calibratedDelay(Wrk wrk, String url, double target) throws Exception {
        double cycleMillis = CONNECTIONS * 1000.0 / target;
        long guess = Math.max(1, Math.round(cycleMillis));
        Wrk.Result trial = wrk.run(url, Map.of("WRK_PATHS", PATHS, "WRK_DELAY_MS", Long.toString(guess)), CONNECTIONS, 10);
        double measuredCycle = CONNECTIONS * 1000.0 / trial.requestsPerSecond();
        return Math.max(1, Math.round(guess + cycleMillis - measuredCycle));
    }

    private static void write(Path report, Path csv, String[] args, Wrk.Result saturation, double target, long delayMillis,
                              List<Window> series, JobRun reload, int products) throws Exception {
        StringBuilder data = new StringBuilder("# seconds,requests_per_second,p50_ms,p99_ms,p999_ms,errors,rss_mb,reloading\n");
        for (Window w : series) {
            data.append(String.format(Locale.ROOT, "%.0f,%.1f,%.3f,%.3f,%.3f,%d,%d,%d%n", w.startSeconds(),
                    w.result().requestsPerSecond(), w.result().p50(), w.result().p99(), w.result().p999(), w.result().errors(),
                    w.rssMb(), w.reloading() ? 1 : 0));
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.writeString(csv, data);

        long errors = series.stream().mapToLong(w -> w.result().errors()).sum();
        long requests = series.stream().mapToLong(w -> w.result().requests()).sum();
        List<Window> quiet = series.stream().filter(w -> !w.reloading()).toList();
        List<Window> busy = series.stream().filter(Window::reloading).toList();
        StringBuilder md = new StringBuilder();
        md.append("# Sustained load\n\nMade by `bin/benchmark-sustained ").append(args[0]).append(' ')
                .append(String.join(" ", List.of(args).subList(4, args.length)))
                .append("` on ").append(LocalDate.now()).append(String.format(Locale.ROOT, """
                , on this project's build machine (2 cores shared by wrk, the service in JVM mode, Redis and
                Elasticsearch), with %,d products loaded by the ingest job.

                - Mix: `%s`, requested in turn by %d connections.
                - Saturation (closed loop, 20 s after a 60 s warm-up): %,.0f req/s, p50 %.2f ms, p99 %.2f ms.
                - Held at about 70%%: %d ms pause between a connection's requests, aiming at %,.0f req/s.
                - In the middle, the ingest job reloads the same dataset (a new generation) on the same two cores%s.

                | | windows | mean req/s | median p50 ms | worst p99 ms | worst p99.9 ms | errors |
                |---|---:|---:|---:|---:|---:|---:|
                """, products, PATHS, CONNECTIONS, saturation.requestsPerSecond(), saturation.p50(), saturation.p99(),
                delayMillis, target, reload == null ? "" : String.format(Locale.ROOT, " (%.0f s, exit %d)", reload.wallSeconds(), reload.exitCode())));
        md.append(summary("without the reload", quiet)).append(summary("during the reload", busy));
        md.append(String.format(Locale.ROOT, """

                Total: %,d requests, %d errors. Service RSS: %d MB in the first window, %d MB in the last, %d MB at most.

                ![Throughput, latency and memory over time](sustained.png)

                Per-window data: `sustained.csv`.
                """, requests, errors, series.get(0).rssMb(), series.get(series.size() - 1).rssMb(),
                series.stream().mapToLong(Window::rssMb).max().orElse(0)));
        Files.writeString(report, md);
    }

    private static String summary(String label, List<Window> windows) {
        if (windows.isEmpty()) {
            return "";
        }
        double[] p50 = windows.stream().mapToDouble(w -> w.result().p50()).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %.2f | %d |%n", label, windows.size(),
                windows.stream().mapToDouble(w -> w.result().requestsPerSecond()).average().orElse(0), p50[p50.length / 2],
                windows.stream().mapToDouble(w -> w.result().p99()).max().orElse(0),
                windows.stream().mapToDouble(w -> w.result().p999()).max().orElse(0),
                windows.stream().mapToLong(w -> w.result().errors()).sum());
    }
}
