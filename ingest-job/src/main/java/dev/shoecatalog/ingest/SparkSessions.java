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
     * partitions, and aggregating into them took twice as long. {@code master} may be null when
     * spark-submit sets it.
     */
    public static SparkSession create(String appName, String master) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.csv.parser.columnPruning.enabled", "false")
                .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
                .config("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true")
                .config("spark.ui.showConsoleProgress", "false");
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
     * stopping under a task still running makes Spark print its scheduler's rejected callbacks.
     */
    public static void stopWhenIdle(SparkSession spark, long patienceMillis) {
        long deadline = System.nanoTime() + patienceMillis * 1_000_000;
        while (spark.sparkContext().statusTracker().getActiveStageIds().length > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        spark.stop();
    }
}
