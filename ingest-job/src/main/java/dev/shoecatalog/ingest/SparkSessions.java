package dev.shoecatalog.ingest;

import org.apache.spark.sql.SparkSession;

/** The session settings the job relies on, whoever starts the session. */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * A session with UTC as the SQL time zone (timestamps without a zone are UTC) and CSV column
     * pruning off, so that a record with the wrong number of fields is always seen as malformed.
     * The cached rows are not compressed: a run reads them twice, and gathering the compression
     * statistics took a third of the read at a million rows. Adaptive execution may coalesce the
     * partitions of a cached plan too: else the cached products keep the SQL default of 200 shuffle
     * partitions, and aggregating into them took twice as long. Executors report running tasks'
     * metrics every 3 s instead of 10, for the job's progress lines. {@code master} may be null when
     * spark-submit sets it.
     */
    public static SparkSession create(String appName, String master) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.csv.parser.columnPruning.enabled", "false")
                .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
                .config("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.executor.heartbeatInterval", "3s");
        if (master != null && !master.isBlank()) {
            builder.master(master);
        }
        if (master != null && master.startsWith("local")) {
            // Everything runs in this JVM: keep Spark's own traffic on the loopback interface.
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }

    /**
     * Stops the session once the tasks of cancelled jobs have ended (at most {@code patienceMillis}):
     * a cancelled job's stage ends at once, its task when its current call to a store returns. Spark
     * stopped under a running task prints its scheduler's rejected callbacks to standard error, which
     * say nothing to the user: unless {@code verbose}, standard error is muted while Spark stops (the
     * job's log lines keep their own stream).
     */
    public static void stopWhenIdle(SparkSession spark, long patienceMillis, boolean verbose) {
        long deadline = System.nanoTime() + patienceMillis * 1_000_000;
        while (runningTasks(spark) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        java.io.PrintStream stderr = System.err;
        if (!verbose) {
            System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        }
        try {
            spark.stop();
        } finally {
            System.setErr(stderr);
        }
    }

    private static int runningTasks(SparkSession spark) {
        int running = spark.sparkContext().statusTracker().getActiveStageIds().length;
        for (org.apache.spark.SparkExecutorInfo executor : spark.sparkContext().statusTracker().getExecutorInfos()) {
            running += executor.numRunningTasks();
        }
        return running;
    }
}
