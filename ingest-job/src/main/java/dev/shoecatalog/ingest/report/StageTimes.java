package dev.shoecatalog.ingest.report;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time of each stage of a run, in the order they ran. Thread-safe: the store writes overlap. */
public final class StageTimes {

    private final Map<String, Duration> times = Collections.synchronizedMap(new LinkedHashMap<>());

    public <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            times.put(stage, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    public void time(String stage, Runnable work) {
        time(stage, () -> {
            work.run();
            return null;
        });
    }

    public Map<String, Duration> ordered() {
        synchronized (times) {
            return new LinkedHashMap<>(times);
        }
    }
}
