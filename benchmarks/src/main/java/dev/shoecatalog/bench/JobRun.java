package dev.shoecatalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.RedisServer;

/** One run of the ingest job as its own process: wall time and peak resident memory (VmHWM). */
record JobRun(int exitCode, double wallSeconds, long peakRssKb) {

    /** The job's options to load {@code dataset} into these stores at {@code master}. */
    static String[] loadArgs(String master, Path dataset, RedisServer redis, ElasticsearchServer elasticsearch, Path rejects) {
        return new String[] {"--master", master, "--dataset", dataset.toString(), "--rejects", rejects.toString(),
                "--redis-url", redis.url(), "--elasticsearch-hosts", elasticsearch.endpoint().url()};
    }

    static JobRun of(Path log, String... args) throws Exception {
        long start = System.nanoTime();
        Process process = IngestJobProcess.start(log, args);
        long peak = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, highWaterMarkKb(process.pid()));
            Thread.sleep(200);
        }
        return new JobRun(process.waitFor(), (System.nanoTime() - start) / 1e9, peak);
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
