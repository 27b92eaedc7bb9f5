package dev.shoecatalog.ingest;

import java.util.concurrent.Callable;

import dev.shoecatalog.ingest.read.DatasetException;
import dev.shoecatalog.ingest.report.IngestSummary;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Loads a shoe dataset into Redis and Elasticsearch as a new generation and switches readers to it.
 * Exit codes: 0 loaded; 1 the load failed (a store refused or failed; readers keep the current
 * generation); 2 bad options; 3 the dataset was refused (missing, empty, too many rejects).
 */
@Command(name = "ingest-job", mixinStandardHelpOptions = true, versionProvider = IngestJob.Version.class,
        description = "Loads every CSV of a shoe dataset into Redis and Elasticsearch, then switches readers to it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:loaded, readers use the new generation", "1:load failed, readers keep the current generation",
                "2:invalid options", "3:dataset refused (missing, empty, no usable row, too many rejects)"})
public final class IngestJob implements Callable<Integer> {

    static final int LOAD_FAILED = 1;
    static final int DATASET_REFUSED = 3;
    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

    @Mixin
    IngestOptions options = new IngestOptions();

    @Override
    public Integer call() {
        SparkSession spark = SparkSessions.create("shoe-catalog-ingest", options.effectiveMaster());
        try {
            IngestSummary summary = new IngestRun(spark, options).run();
            System.out.print(summary.toText());
            return 0;
        } catch (DatasetException e) {
            LOG.error("Dataset refused, readers keep the current generation: {}", e.getMessage());
            return DATASET_REFUSED;
        } catch (RuntimeException e) {
            LOG.error("Load failed, readers keep the current generation: {}", e.getMessage(), e);
            return LOAD_FAILED;
        } finally {
            spark.stop();
        }
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = execute(args);
        } catch (Throwable unexpected) {
            // Errors (e.g. a class missing from the classpath) must still end the JVM with a failure.
            LOG.error("Load failed, readers keep the current generation", unexpected);
            exitCode = LOAD_FAILED;
        }
        System.exit(exitCode);
    }

    /** Runs the job and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return new CommandLine(new IngestJob()).execute(args);
    }

    /** The version in the jar manifest, or {@code dev} when run from classes. */
    static String version() {
        String version = IngestJob.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ingest-job " + version()};
        }
    }
}
