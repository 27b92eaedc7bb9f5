package dev.shoecatalog.ingest.report;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time of each stage of a run, in the order they ran. Thread-safe: the store writes overlap. */
public final class StageTimes {

    /** Told when a stage starts and ends, e.g. to say so while the run goes on. */
    public interface Listener {
        void started(String stage);

        void ended(String stage, Duration took);
    }

    private final Map<String, Duration> times = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Listener listener;

    public StageTimes() {
        this(null);
    }

    public StageTimes(Listener listener) {
        this.listener = listener;
    }

    public <T> T time(String stage, Supplier<T> work) {
        if (listener != null) {
            listener.started(stage);
        }
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            times.put(stage, took);
            if (listener != null) {
                listener.ended(stage, took);
            }
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
