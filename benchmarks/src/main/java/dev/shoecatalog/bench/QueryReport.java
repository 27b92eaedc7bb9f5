package dev.shoecatalog.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The query benchmark's Markdown report: one table per catalog size, flatness with size, footprint. */
final class QueryReport {

    record Baseline(String tool, double requestsPerSecond, double p50, double p99, double p999, long errors) {
    }

    record Row(long products, String endpoint, String store, int connections, Wrk.Result ours, Baseline direct) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d products, %s on %s, c=%d: %.0f req/s p50 %.2f ms p99 %.2f ms errors %d; direct %s",
                    products, endpoint, store, connections, ours.requestsPerSecond(), ours.p50(), ours.p99(), ours.errors(),
                    direct == null ? "-" : String.format(Locale.ROOT, "%.0f req/s p50 %.2f ms", direct.requestsPerSecond(), direct.p50()));
        }
    }

    /** Time from launch to ready, and resident memory when ready and after the runs. */
    record Footprint(long products, double secondsToReady, long rssReadyMb, long rssAfterMb) {
    }

    private QueryReport() {
    }

    static String markdown(List<Row> rows, List<Footprint> footprints, String date, String command, int seconds, boolean nativeMode) {
        StringBuilder md = new StringBuilder();
        md.append("# Query benchmark\n\n");
        md.append("Made by `").append(command).append("` on ").append(date).append("""
                , on this project's build machine (2 cores shared by wrk, the service, Redis with RediSearch 1.2 and a
                single-node Elasticsearch 8.19 with a 512 MB heap). The query service runs %s
                with its production configuration; catalogs are loaded by the ingest job from generated datasets (one
                row per product).
                """.formatted(nativeMode ? "as the native executable" : "in JVM mode (`quarkus-run.jar`, default JVM settings)"));
        md.append(String.format(Locale.ROOT, """

                - *service*: `wrk` (2 threads, closed loop, %d s per cell after a 5 s warm-up at 8 connections) against the service;
                  *c*: connections; latencies in ms.
                - *direct*: the same answer from the store without the service: the service's own Lua script with the same
                  arguments through `redis-benchmark` (which reports p50 and p99, not p99.9), or the same `_search` body
                  POSTed to the `shoes` alias with `wrk`.
                - *overhead p50*: service p50 minus direct p50; *req/s ratio*: service req/s over direct req/s.
                  *errors*: non-2xx answers and socket errors.

                Never a CI gate: one run on a noisy 2-core machine; compare within a row, not across machines.
                """, seconds));
        for (long products : rows.stream().map(Row::products).distinct().toList()) {
            md.append(String.format(Locale.ROOT, "%n## %,d products%n%n", products));
            md.append("| endpoint | store | c | service req/s | p50 | p99 | p99.9 | errors | direct | direct req/s | direct p50 | direct p99 | overhead p50 | req/s ratio |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
            for (Row row : rows.stream().filter(r -> r.products() == products).toList()) {
                Wrk.Result ours = row.ours();
                Baseline direct = row.direct();
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %.2f | %.2f | %.2f | %d | %s | %s | %s | %s | %s | %s |%n",
                        row.endpoint(), row.store(), row.connections(), ours.requestsPerSecond(), ours.p50(), ours.p99(), ours.p999(),
                        ours.errors(), direct == null ? "-" : direct.tool(),
                        direct == null ? "-" : String.format(Locale.ROOT, "%,.0f", direct.requestsPerSecond()),
                        direct == null ? "-" : String.format(Locale.ROOT, "%.2f", direct.p50()),
                        direct == null ? "-" : String.format(Locale.ROOT, "%.2f", direct.p99()),
                        direct == null ? "-" : String.format(Locale.ROOT, "%+.2f", ours.p50() - direct.p50()),
                        direct == null ? "-" : String.format(Locale.ROOT, "%.2f", ours.requestsPerSecond() / direct.requestsPerSecond())));
            }
        }
        List<Long> sizes = rows.stream().map(Row::products).distinct().sorted().toList();
        if (sizes.size() > 1) {
            long small = sizes.get(0);
            long large = sizes.get(sizes.size() - 1);
            md.append(String.format(Locale.ROOT, "%n## Latency with catalog size: %,d against %,d products%n%n", large, small));
            md.append("p50 and p99 at the largest size over the same cell at the smallest (target for latest-N: at most 1.5).\n\n");
            md.append("| endpoint | store | c | p50 small | p50 large | p50 ratio | p99 small | p99 large | p99 ratio |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Row big : rows.stream().filter(r -> r.products() == large).toList()) {
                Optional<Row> little = rows.stream().filter(r -> r.products() == small && r.endpoint().equals(big.endpoint())
                        && r.store().equals(big.store()) && r.connections() == big.connections()).findFirst();
                little.ifPresent(s -> md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | **%.2f** | %.2f | %.2f | %.2f |%n",
                        big.endpoint(), big.store(), big.connections(), s.ours().p50(), big.ours().p50(),
                        big.ours().p50() / s.ours().p50(), s.ours().p99(), big.ours().p99(), big.ours().p99() / s.ours().p99())));
            }
        }
        md.append("\n## Service footprint (" + (nativeMode ? "native" : "JVM mode") + ")\n\n| products | launch to ready s | RSS when ready MB | RSS after the runs MB |\n|---:|---:|---:|---:|\n");
        for (Footprint f : footprints) {
            md.append(String.format(Locale.ROOT, "| %,d | %.2f | %d | %d |%n", f.products(), f.secondsToReady(), f.rssReadyMb(), f.rssAfterMb()));
        }
        return md.toString();
    }
}
