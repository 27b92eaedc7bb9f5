package dev.shoecatalog.ingest;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * What a user sees of a run: the job's own lines. Spark logs every failed task with the remote stack
 * trace (the same cause once per task and retry); the job ends with one line naming the cause instead,
 * and {@code --verbose} brings back the traces, the job's debug lines included. Warnings that say
 * nothing to this job's user (no native Hadoop library, a truncated plan string) are not shown either.
 */
final class JobLogging {

    private static final String[] QUIET_LOGGERS = {
            "org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.executor.Executor",
            "org.apache.spark.scheduler.TaskSchedulerImpl", "org.apache.spark.scheduler.DAGScheduler", "org.apache.spark.util.Utils",
            "org.apache.hadoop.util.NativeCodeLoader", "org.apache.spark.util.SparkStringUtils",
            "org.apache.spark.sql.catalyst.util.SparkStringUtils"};

    private JobLogging() {
    }

    static void configure(boolean verbose) {
        for (String logger : QUIET_LOGGERS) {
            Configurator.setLevel(logger, verbose ? Level.WARN : Level.OFF);
        }
        if (verbose) {
            Configurator.setLevel("dev.shoecatalog", Level.DEBUG);
        }
    }
}
