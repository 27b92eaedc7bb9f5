package dev.shoecatalog.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown of the ingest benchmark. */
final class IngestReport {

    private IngestReport() {
    }

    static String row(int size, String master, int products, JobRun run, Map<String, Double> stages, double rawRedis,
                      int redisBatch, double rawElastic, int bulkBatch) {
        double redisStage = stages.getOrDefault("write-redis", Double.NaN);
        double elasticStage = stages.getOrDefault("write-elasticsearch", Double.NaN);
        // The two write stages run at the same time: count the shorter one once, inside the longer.
        double inJob = stages.values().stream().mapToDouble(Double::doubleValue).sum() - Math.min(redisStage, elasticStage);
        double writes = Math.max(redisStage, elasticStage);
        return String.format(Locale.ROOT,
                "| %,d | %s | %,d | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f (%d) | **%.2f** | %.2f (%d) | **%.2f** | %.2f | %,d |",
                size, master, products, run.wallSeconds(), run.wallSeconds() - inJob,
                stages.getOrDefault("read", 0.0) + stages.getOrDefault("rejects", 0.0) + stages.getOrDefault("normalize", 0.0),
                redisStage, elasticStage, rawRedis, redisBatch, rawRedis / redisStage, rawElastic, bulkBatch,
                rawElastic / elasticStage, writes / Math.max(rawRedis, rawElastic), run.peakRssKb() / 1024);
    }

    static String markdown(List<String> rows, String date, String arguments) {
        return """
                # Benchmarks

                ## Ingest: the job against raw loaders of the same documents

                Made by `bin/benchmark-ingest %s` on %s, on this project's build machine (2 cores, 24 GB,
                local Redis with RediSearch 1.2, local Elasticsearch 8.19 single node, 512 MB heap), with datasets
                written by the generator (4 files, 1%% rejected rows, about 3.5 rows per product).

                - *wall*: the job process from start to exit; *start-up*: wall minus the job's own stages (JVM,
                  SparkSession, shutdown).
                - *read+normalize*: parsing the CSVs, the reject counts and the product aggregation.
                - *job Redis / job ES*: the write stages, which run **at the same time** (two Spark jobs sharing
                  the cores); *raw*: the same documents and commands written alone by plain threads (one per
                  core, as many as Spark tasks), the best of several batch sizes (in brackets).
                - *ratio* = raw time / job time (1.0 = as fast as the raw loader); *writes vs raw*: the
                  longer of the two concurrent job writes over the slower raw load (target: at most 1.3).

                | rows | master | products | wall s | start-up s | read+normalize s | job Redis s | job ES s | raw Redis s (batch) | Redis ratio | raw ES s (batch) | ES ratio | writes vs raw | peak RSS MB |
                |---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                %s

                Never a CI gate: one run, a noisy 2-core machine; compare ratios within a row, not seconds
                across machines.
                """.formatted(arguments, date, String.join("\n", rows));
    }
}
