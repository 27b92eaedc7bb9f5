package dev.shoecatalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.QueryServiceProcess;
import dev.shoecatalog.testsupport.RedisServer;

/**
 * Two builds of the service on the same stores and catalog, measured in alternating rounds: for each
 * endpoint and connection count, one {@code wrk} run on each build in turn, several rounds, then the
 * store directly. Whole reports made one after the other move more between runs (Elasticsearch still
 * merging after the load, the machine's noise) than a serving change does; alternating cancels most of it.
 * Arguments: {@code products report.md before.jar after.jar connections seconds rounds}.
 */
public final class ServingRounds {

    private ServingRounds() {
    }

    public static void main(String[] args) throws Exception {
        int products = Integer.parseInt(args[0]);
        Path report = Path.of(args[1]);
        Path before = Path.of(args[2]);
        Path after = Path.of(args[3]);
        List<Integer> connections = Arrays.stream(args[4].split(",")).map(String::strip).map(Integer::parseInt).toList();
        int seconds = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);
        Path logs = Path.of("target/benchmark");
        Path work = Files.createTempDirectory("shoes-rounds-");
        Wrk wrk = new Wrk();
        List<String> rows = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(logs); ElasticsearchServer elasticsearch = ElasticsearchServer.start(logs)) {
            QueryBenchmark.load(products, work, redis, elasticsearch, logs);
            try (QueryServiceProcess first = QueryServiceProcess.startReady(before, redis.url(), elasticsearch.endpoint().url(), logs.resolve("rounds-before.log"));
                 QueryServiceProcess second = QueryServiceProcess.startReady(after, redis.url(), elasticsearch.endpoint().url(), logs.resolve("rounds-after.log"))) {
                List<QueryBenchmark.Scenario> scenarios = QueryBenchmark.scenarios().stream().filter(s -> s.direct() != null).toList();
                for (QueryBenchmark.Scenario scenario : scenarios) {
                    wrk.run(first.url() + scenario.path(), scenario.body(), 8, 5);
                    wrk.run(second.url() + scenario.path(), scenario.body(), 8, 5);
                }
                for (QueryBenchmark.Scenario scenario : scenarios) {
                    for (int c : connections) {
                        double[] beforeRps = new double[rounds];
                        double[] afterRps = new double[rounds];
                        double[] beforeP50 = new double[rounds];
                        double[] afterP50 = new double[rounds];
                        for (int round = 0; round < rounds; round++) {
                            Wrk.Result b = wrk.run(first.url() + scenario.path(), scenario.body(), c, seconds);
                            Wrk.Result a = wrk.run(second.url() + scenario.path(), scenario.body(), c, seconds);
                            beforeRps[round] = b.requestsPerSecond();
                            afterRps[round] = a.requestsPerSecond();
                            beforeP50[round] = b.p50();
                            afterP50[round] = a.p50();
                        }
                        QueryReport.Baseline direct = QueryBenchmark.direct(scenario, c, seconds, wrk, redis, elasticsearch);
                        rows.add(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %+.0f%% | %.2f / %.2f | %,.0f | %.2f / %.2f |",
                                scenario.name(), scenario.store(), c, rounds(beforeRps), rounds(afterRps),
                                (median(afterRps) / median(beforeRps) - 1) * 100, median(beforeP50), median(afterP50),
                                direct.requestsPerSecond(), median(beforeRps) / direct.requestsPerSecond(),
                                median(afterRps) / direct.requestsPerSecond()));
                        System.out.println(rows.get(rows.size() - 1));
                    }
                }
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, """
                # Serving in alternating rounds

                Made by `BEFORE_JAR=%s bin/benchmark-serving-rounds %d %s %d %d` on %s, on this project's build
                machine (2 cores shared by wrk, both service builds, Redis with RediSearch 1.2 and a single-node
                Elasticsearch 8.19), %d products loaded by the ingest job. *after* = `%s`.

                Both builds serve the same catalog at once and are measured in turn: per endpoint and connection
                count, `wrk` (%d s) on *before*, then on *after*, %d rounds, after a warm-up of each; then the
                store directly (as in `bin/benchmark-query`). *ratio*: median service req/s over the direct
                store's. Never a CI gate.

                | endpoint | store | c | before req/s (rounds) | after req/s (rounds) | median change | p50 ms before / after | direct req/s | ratio before / after |
                |---|---|---:|---|---|---:|---:|---:|---:|
                %s
                """.formatted(before, products, args[4], seconds, rounds, LocalDate.now(), products, after, seconds, rounds,
                String.join("\n", rows)));
        System.out.println("report: " + report);
    }

    private static String rounds(double[] values) {
        return String.join(" / ", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
