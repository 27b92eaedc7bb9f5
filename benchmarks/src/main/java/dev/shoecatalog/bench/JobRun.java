package dev.shoecatalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.RedisServer;

/** One run of the ingest job as its own process: wall time, peak resident memory (VmHWM) and its stage times in seconds. */
record JobRun(int exitCode, double wallSeconds, long peakRssKb, Map<String, Double> stages) {

    JobRun withStages(Map<String, Double> stages) {
        return new JobRun(exitCode, wallSeconds, peakRssKb, Map.copyOf(stages));
    }

    double stage(String name) {
        return stages.getOrDefault(name, 0.0);
    }

    /** Reading, rejects and normalizing: everything before the writes. */
    double readAndNormalize() {
        return stage("read") + stage("write-rejects") + stage("normalize");
    }

    /**
     * Wall time outside the job's own stages (JVM, SparkSession, shutdown), for a run whose two writes
     * ran at once: the shorter write is counted once, inside the longer.
     */
    double startUp() {
        double inJob = stages.values().stream().mapToDouble(Double::doubleValue).sum();
        return wallSeconds - inJob + Math.min(stage("write-redis"), stage("write-elasticsearch"));
    }

    /** The writes' time of a run whose two writes ran at once: the longer of the two. */
    double concurrentWrites() {
        return Math.max(stage("write-redis"), stage("write-elasticsearch"));
    }

    /** The job's options to load {@code dataset} into these stores at {@code master}. */
    static String[] loadArgs(String master, Path dataset, RedisServer redis, ElasticsearchServer elasticsearch, Path rejects) {
        return new String[] {"--master", master, "--dataset", dataset.toString(), "--rejects", rejects.toString(),
                "--redis-url", redis.url(), "--elasticsearch-hosts", elasticsearch.endpoint().url()};
    }

    static JobRun of(Path log, String... args) throws Exception {
        long start = System.nanoTime();
        Process process = IngestJobProcess.startAsDeployed(log, args);
        long peak = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, highWaterMarkKb(process.pid()));
            Thread.sleep(200);
        }
        return new JobRun(process.waitFor(), (System.nanoTime() - start) / 1e9, peak, Map.of());
    }

    private static long highWaterMarkKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException ended) {
            // The process ended between two samples.
        }
        return 0;
    }

    /** Stage durations in seconds from the meta hash the job wrote ({@code stageMillis:<stage>}). */
    static Map<String, Double> stages(Map<String, String> meta) {
        Map<String, Double> stages = new LinkedHashMap<>();
        meta.forEach((key, value) -> {
            if (key.startsWith("stageMillis:")) {
                stages.put(key.substring("stageMillis:".length()), Long.parseLong(value) / 1000.0);
            }
        });
        return stages;
    }
}
