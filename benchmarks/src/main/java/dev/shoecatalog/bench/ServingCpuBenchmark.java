package dev.shoecatalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.QueryServiceProcess;
import dev.shoecatalog.testsupport.RedisServer;

/**
 * CPU per request, per process: on two cores shared by wrk, the service and the stores, throughput
 * mixes three programs' costs, so each one's CPU time ({@code utime + stime} of {@code /proc/<pid>/stat},
 * all its threads) is read before and after a run and divided by the requests answered. Each endpoint
 * runs {@code rounds} times after a warm-up, and beside it the same query sent to the store directly
 * (the script through {@code redis-benchmark}, the {@code _search} through wrk), for the store's own
 * cost and the throughput ratio. Arguments: {@code products report.md service [seconds] [rounds] [connections]}.
 */
public final class ServingCpuBenchmark {

    /**
     * False to leave out the direct store queries: they are this checkout's, so for another build's layout
     * they would ask the wrong keys.
     */
    private static final boolean DIRECT = Boolean.parseBoolean(System.getProperty("bench.direct", "true"));
    /** Linux reports process times in clock ticks of 1/100 s. */
    private static final double TICK_MICROS = 10_000;

    private ServingCpuBenchmark() {
    }

    /** One measured run: requests per second and CPU microseconds per request of the service and the store. */
    record Measure(double requestsPerSecond, double serviceMicros, double storeMicros) {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path report = Path.of(args[1]);
        Path jar = Path.of(args[2]);
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        Path work = Files.createTempDirectory("shoes-cpu-bench-");
        Path logs = Path.of("target/benchmark");
        Files.createDirectories(logs);
        Wrk wrk = new Wrk();
        List<String> rows = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(logs); ElasticsearchServer elasticsearch = ElasticsearchServer.start(logs)) {
            long products = QueryBenchmark.load(size, work, redis, elasticsearch, logs);
            try (QueryServiceProcess service = QueryServiceProcess.startReady(jar, redis.url(), elasticsearch.endpoint().url(),
                    logs.resolve("query-service-cpu.log"))) {
                List<QueryBenchmark.Scenario> scenarios = new ArrayList<>();
                scenarios.add(new QueryBenchmark.Scenario("/q/health/live (the framework's floor)", "none", null, null, null));
                scenarios.add(new QueryBenchmark.Scenario("latest 1", "redis", "/v1/redis/shoes/latest?n=1", null, null));
                scenarios.addAll(QueryBenchmark.scenarios());
                for (QueryBenchmark.Scenario scenario : scenarios) {
                    String url = scenario.path() == null ? service.managementUrl() + "/q/health/live" : service.url() + scenario.path();
                    long storePid = scenario.store().equals("redis") ? redis.pid()
                            : scenario.store().equals("elasticsearch") ? elasticsearch.pid() : 0;
                    wrk.run(url, scenario.body(), connections, 5); // warm-up (JIT), not reported
                    for (int round = 1; round <= rounds; round++) {
                        long[] before = {cpuTicks(service.pid()), cpuTicks(storePid)};
                        Wrk.Result ours = wrk.run(url, scenario.body(), connections, seconds);
                        Measure measured = new Measure(ours.requestsPerSecond(),
                                (cpuTicks(service.pid()) - before[0]) * TICK_MICROS / ours.requests(),
                                storePid == 0 ? Double.NaN : (cpuTicks(storePid) - before[1]) * TICK_MICROS / ours.requests());
                        Measure direct = direct(scenario, storePid, connections, seconds, wrk, redis, elasticsearch);
                        rows.add(row(scenario, round, measured, direct, ours.errors()));
                        System.out.println(rows.get(rows.size() - 1));
                    }
                }
            }
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, markdown(rows, products, String.join(" ", args[0], Integer.toString(seconds),
                    Integer.toString(rounds), Integer.toString(connections)), jar, seconds, connections));
        }
        System.out.println("report: " + report);
    }

    /** The same answer asked of the store directly, measured the same way; null when there is no such baseline. */
    private static Measure direct(QueryBenchmark.Scenario scenario, long storePid, int connections, int seconds, Wrk wrk,
                                  RedisServer redis, ElasticsearchServer elasticsearch) throws Exception {
        if (scenario.direct() == null || !DIRECT) {
            return null;
        }
        long before = cpuTicks(storePid);
        if (scenario.direct().redisCommand() != null) {
            int requests = 20_000 * seconds;
            RedisBenchmarkTool.Result r = RedisBenchmarkTool.run(redis.port(), connections, requests, scenario.direct().redisCommand());
            return new Measure(r.requestsPerSecond(), Double.NaN, (cpuTicks(storePid) - before) * TICK_MICROS / requests);
        }
        Wrk.Result r = wrk.run(elasticsearch.endpoint().url() + "/" + CatalogKeys.ALIAS + "/_search",
                scenario.direct().elasticsearchBody(), connections, seconds);
        return new Measure(r.requestsPerSecond(), Double.NaN, (cpuTicks(storePid) - before) * TICK_MICROS / r.requests());
    }

    /** utime + stime of a process (0 for none), in clock ticks. */
    static long cpuTicks(long pid) throws java.io.IOException {
        if (pid == 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String row(QueryBenchmark.Scenario scenario, int round, Measure ours, Measure direct, long errors) {
        String store = scenario.store().equals("none") ? "—" : scenario.store();
        String directRate = direct == null ? "—" : String.format(Locale.ROOT, "%,.0f", direct.requestsPerSecond());
        String directStore = direct == null ? "—" : String.format(Locale.ROOT, "%.0f", direct.storeMicros());
        String ratio = direct == null ? "—" : String.format(Locale.ROOT, "%.2f", ours.requestsPerSecond() / direct.requestsPerSecond());
        return String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | **%.0f** | %s | %s | %s | %s | %d |", scenario.name(), store, round,
                ours.requestsPerSecond(), ours.serviceMicros(), Double.isNaN(ours.storeMicros()) ? "—" : String.format(Locale.ROOT, "%.0f",
                        ours.storeMicros()), directRate, directStore, ratio, errors);
    }

    private static String markdown(List<String> rows, long products, String arguments, Path jar, int seconds, int connections) {
        String build = jar.equals(Path.of("query-service/target/quarkus-app/quarkus-run.jar")) ? "" : "SERVICE_JAR=" + jar.getFileName() + " ";
        return "# CPU per request, per process\n\n"
                + "`" + build + "bin/benchmark-serving-cpu " + arguments + "`, " + LocalDate.now() + ": " + products
                + " products, wrk with " + connections + " connections for " + seconds + " s per round after a 5 s warm-up; CPU time"
                + " (utime + stime from /proc) of each process over the round divided by the requests answered. Direct: the same"
                + " query sent to the store (redis-benchmark of the service's script, wrk of the same _search), measured the same"
                + " way. Ratio: the service's req/s over the direct store's.\n\n"
                + "| endpoint | store | round | req/s | service µs/request | store µs/request | direct req/s | direct store µs/request"
                + " | ratio | errors |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + String.join("\n", rows) + "\n";
    }
}
