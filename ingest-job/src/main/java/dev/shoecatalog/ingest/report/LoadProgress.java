package dev.shoecatalog.ingest.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.execution.SparkPlanInfo;
import org.apache.spark.sql.execution.metric.SQLMetricInfo;
import org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a long load says while it runs: a line when a stage starts and when it ends, and every few
 * seconds during a stage what it has done so far: rows read from the files, products written, or
 * else Spark tasks finished. The counts are Spark's own, from the metrics of finished tasks and, for
 * running ones, from the values the executors' heartbeats carry (every
 * {@code spark.executor.heartbeatInterval}), so that one long task shows its progress too. Rows read
 * are the output rows of the plans' file scans, which Spark reports while a task runs (its input
 * metrics only when the task ends).
 */
public final class LoadProgress extends SparkListener implements StageTimes.Listener, AutoCloseable {

    /** Rows the file scans of SQL plans produced. */
    public static final String FILE_ROWS = "rows read from the files";
    private static final String OUTPUT_ROWS = "number of output rows";

    /** What a stage counts: an accumulator's name ({@link #FILE_ROWS} for the file scans' rows) and the unit it is said in. */
    public record Counter(String accumulator, String unit) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LoadProgress.class);

    private final Map<String, Counter> counters;
    private final Set<String> counted;
    private final Consumer<String> out;
    /** The counted accumulators by id: the file scans' output rows, and named accumulators as they are seen. */
    private final Map<Long, String> accumulators = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> finished = new ConcurrentHashMap<>();
    /** The last heartbeat value of each counted accumulator of each running task. */
    private final Map<Long, Map<Long, Long>> running = new ConcurrentHashMap<>();
    private final AtomicLong tasksStarted = new AtomicLong();
    private final AtomicLong tasksFinished = new AtomicLong();
    private final Map<String, Started> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;

    private record Started(long nanos, long count, long tasksStarted, long tasksFinished) {
    }

    /** Progress of the stages named in {@code counters} (the others count tasks), a line every {@code interval}. */
    public LoadProgress(Map<String, Counter> counters, Duration interval) {
        this(counters, interval, LOG::info);
    }

    LoadProgress(Map<String, Counter> counters, Duration interval, Consumer<String> out) {
        this.counters = Map.copyOf(counters);
        this.counted = counters.values().stream().map(Counter::accumulator).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void started(String stage) {
        Counter counter = counters.get(stage);
        active.put(stage, new Started(System.nanoTime(), counter == null ? 0 : total(counter.accumulator()), tasksStarted.get(),
                tasksFinished.get()));
        out.accept(stage + ": started");
    }

    @Override
    public void ended(String stage, Duration took) {
        Started started = active.remove(stage);
        Counter counter = counters.get(stage);
        String line = stage + ": done in " + seconds(took.toNanos()) + " s";
        if (counter != null && started != null) {
            line += ", " + thousands(total(counter.accumulator()) - started.count()) + " " + counter.unit();
        }
        out.accept(line);
    }

    /** A line per running stage: what it did so far, and the rate since it started. */
    void report() {
        long now = System.nanoTime();
        active.forEach((stage, started) -> {
            String took = seconds(now - started.nanos());
            Counter counter = counters.get(stage);
            if (counter != null) {
                long done = total(counter.accumulator()) - started.count();
                long rate = Math.round(done / Math.max((now - started.nanos()) / 1e9, 1e-3));
                out.accept(stage + ": " + thousands(done) + " " + counter.unit() + " in " + took + " s (" + thousands(rate) + " "
                        + counter.unit() + "/s)");
            } else if (tasksStarted.get() > started.tasksStarted()) {
                out.accept(stage + ": " + thousands(tasksFinished.get() - started.tasksFinished()) + " of "
                        + thousands(tasksStarted.get() - started.tasksStarted()) + " tasks done in " + took + " s");
            }
        });
    }

    /** The accumulator's value over finished tasks and the last heartbeat of running ones. */
    long total(String accumulator) {
        long total = finished.getOrDefault(accumulator, new AtomicLong()).get();
        for (Map<Long, Long> task : running.values()) {
            for (Map.Entry<Long, Long> value : task.entrySet()) {
                if (accumulator.equals(accumulators.get(value.getKey()))) {
                    total += value.getValue();
                }
            }
        }
        return total;
    }

    @Override
    public void onOtherEvent(SparkListenerEvent event) {
        if (event instanceof SparkListenerSQLExecutionStart start) {
            learnFileScans(start.sparkPlanInfo());
        } else if (event instanceof SparkListenerSQLAdaptiveExecutionUpdate update) {
            learnFileScans(update.sparkPlanInfo());
        }
    }

    /** File scans are named "Scan csv", "Scan text", "Scan ExistingRDD"; the cache's scan is "InMemoryTableScan". */
    private void learnFileScans(SparkPlanInfo node) {
        if (node.nodeName().startsWith("Scan ")) {
            for (SQLMetricInfo metric : CollectionConverters.asJava(node.metrics())) {
                if (metric.name().equals(OUTPUT_ROWS)) {
                    accumulators.put(metric.accumulatorId(), FILE_ROWS);
                }
            }
        }
        CollectionConverters.asJava(node.children()).forEach(this::learnFileScans);
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        tasksStarted.addAndGet(submitted.stageInfo().numTasks());
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : CollectionConverters.asJava(update.accumUpdates())) {
            for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                if (isCounted(info) && info.update().get() instanceof Number value) {
                    running.computeIfAbsent((Long) task._1(), id -> new ConcurrentHashMap<>()).put(info.id(), value.longValue());
                }
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        // Counted once finished, and only when it succeeded: a failed task's rows are read again by its retry.
        if (end.reason() == Success$.MODULE$) {
            tasksFinished.incrementAndGet();
            for (AccumulableInfo info : CollectionConverters.asJava(end.taskInfo().accumulables())) {
                if (isCounted(info) && info.update().get() instanceof Number value) {
                    finished.computeIfAbsent(accumulators.get(info.id()), key -> new AtomicLong()).addAndGet(value.longValue());
                }
            }
        }
        running.remove(end.taskInfo().taskId());
    }

    /** A value of a counted accumulator; a named one is learnt by its name (heartbeats may leave names out, ids stay). */
    private boolean isCounted(AccumulableInfo info) {
        if (info.update().isEmpty()) {
            return false;
        }
        if (info.name().isDefined() && counted.contains(info.name().get())) {
            accumulators.put(info.id(), info.name().get());
        }
        return accumulators.containsKey(info.id());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static String thousands(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
