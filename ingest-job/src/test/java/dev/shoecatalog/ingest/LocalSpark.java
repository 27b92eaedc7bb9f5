package dev.shoecatalog.ingest;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for the whole test JVM. */
public final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    public static synchronized SparkSession session() {
        // An in-process job run stops the session when it ends, as it must in production.
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSessions.create("shoe-catalog-tests", "local[2]");
            session.conf().set("spark.sql.shuffle.partitions", "4");
        }
        return session;
    }
}
