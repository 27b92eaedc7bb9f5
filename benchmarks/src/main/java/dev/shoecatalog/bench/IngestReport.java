package dev.shoecatalog.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The Markdown of the ingest benchmark. */
final class IngestReport {

    private IngestReport() {
    }

    /**
     * One row: the medians of the runs with concurrent writes, each store's write from the run with
     * sequential writes (alone, like the raw loaders) and its ratio to the raw load.
     */
    static String row(int size, String master, int products, List<JobRun> concurrent, JobRun sequential, double parse,
                      double rawRedis, int redisBatch, double rawElastic, int bulkBatch) {
        double slowerRaw = Math.max(rawRedis, rawElastic);
        double writes = median(concurrent, JobRun::concurrentWrites);
        double readAndNormalize = median(concurrent, JobRun::readAndNormalize);
        // A build without --writes has no sequential run: its ratios come from the concurrent writes (marked *).
        String mark = sequential == null ? "*" : "";
        double redisAlone = sequential == null ? median(concurrent, run -> run.stage("write-redis")) : sequential.stage("write-redis");
        double elasticAlone = sequential == null ? median(concurrent, run -> run.stage("write-elasticsearch"))
                : sequential.stage("write-elasticsearch");
        return String.format(Locale.ROOT,
                "| %,d | %s | %,d | %d | %.1f | %.1f | %.2f | %.2f | %.2f | **%.1f** | %.2f / %.2f | %.2f%s | %.2f (%d) | **%.2f**%s | %.2f%s | %.2f (%d) | **%.2f**%s | **%.2f** | %s | %,d |",
                size, master, products, concurrent.size(), median(concurrent, JobRun::wallSeconds),
                median(concurrent, JobRun::startUp), median(concurrent, run -> run.stage("read")), readAndNormalize, parse,
                readAndNormalize / parse, median(concurrent, run -> run.stage("write-redis")),
                median(concurrent, run -> run.stage("write-elasticsearch")),
                redisAlone, mark, rawRedis, redisBatch, rawRedis / redisAlone, mark, elasticAlone, mark, rawElastic, bulkBatch,
                rawElastic / elasticAlone, mark, writes / slowerRaw,
                sequential == null ? "-" : String.format(Locale.ROOT, "%.1f", sequential.wallSeconds()),
                concurrent.stream().mapToLong(JobRun::peakRssKb).max().orElse(0) / 1024);
    }

    static double median(List<JobRun> runs, ToDoubleFunction<JobRun> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String markdown(List<String> rows, String date, String arguments, int runs, List<String> masters, boolean sequential,
                           int files, String dataset) {
        return """
                # Benchmarks

                ## Ingest: the job against raw loaders of the same documents

                Made by `%s bin/benchmark-ingest %s` on %s, on this project's build machine (2 cores, 24 GB,
                local Redis with RediSearch 1.2, local Elasticsearch 8.19 single node, 512 MB heap), with datasets
                written by the generator (%d file(s), 1%% rejected rows, about 3.5 rows per product).

                - Each row: %d run(s) of the job as it runs by default (both stores written at once), reported as
                  medians, then one run with `--writes sequential` (each store written alone, as the raw loaders are).
                - *wall*: the job process from start to exit; *start-up*: wall minus the job's own stages (JVM,
                  SparkSession, shutdown).
                - *read*: parsing the CSVs and counting rows and rejects (the rows cached); *read+normalize*:
                  parsing the CSVs, the reject counts, writing the rejects, the product aggregation and the ranking; *Spark CSV parse*: Spark's own reader parsing every column of the
                  same files the way the job reads them (files of one header together, `header`, `multiLine`), a
                  hash of all columns summed, same master, after a warm-up, in its own process
                  (`SparkCsvParse`); *vs parse* = read+normalize / Spark CSV parse (goal: at most 3).
                - *concurrent writes*: the two write stages of the default runs, which share the cores with each
                  other and with both servers.
                - *alone*: the write stage of the sequential run; *raw*: the same documents and commands written
                  alone by plain threads (one per core, as many as Spark tasks), the best of several batch sizes
                  (in brackets); *ratio* = raw time / job time alone (1.0 = as fast as the raw loader).
                - *writes vs raw*: the longer concurrent write over the slower raw load (goal: at most 1.3);
                  *sequential wall*: the whole sequential run. A build without `--writes` (`SEQUENTIAL=false`)
                  has no sequential run: its *alone* figures and ratios, marked \\*, are those of the concurrent writes.

                | rows | master | products | runs | wall s | start-up s | read s | read+normalize s | Spark CSV parse s | vs parse | concurrent writes s (Redis / ES) | Redis alone s | raw Redis s (batch) | Redis ratio | ES alone s | raw ES s (batch) | ES ratio | writes vs raw | sequential wall s | peak RSS MB |
                |---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                %s

                Never a CI gate: a noisy 2-core machine; compare ratios within a row, not seconds across machines.
                """.formatted(environment(runs, masters, sequential, files, dataset), arguments, date, files, runs, String.join("\n", rows));
    }

    private static String environment(int runs, List<String> masters, boolean sequential, int files, String dataset) {
        return "RUNS=" + runs + " MASTERS=" + String.join(",", masters) + (sequential ? "" : " SEQUENTIAL=false")
                + (files == 4 ? "" : " FILES=" + files)
                + (dataset.isEmpty() ? "" : " DATASET=" + dataset);
    }
}
