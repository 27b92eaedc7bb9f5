package dev.shoecatalog.ingest;

import java.time.Duration;
import java.util.concurrent.Callable;

import dev.shoecatalog.ingest.read.DatasetException;
import dev.shoecatalog.ingest.report.FailureMessage;
import dev.shoecatalog.ingest.report.IngestSummary;
import dev.shoecatalog.ingest.swap.CatalogLease;
import dev.shoecatalog.ingest.swap.CatalogState;
import dev.shoecatalog.ingest.swap.ElasticsearchGenerations;
import dev.shoecatalog.ingest.swap.GenerationSwap;
import dev.shoecatalog.ingest.swap.LoadInProgressException;
import dev.shoecatalog.ingest.swap.NoRoomInRedisException;
import dev.shoecatalog.ingest.swap.NothingToRollBackException;
import dev.shoecatalog.ingest.swap.ReadersSplitException;
import dev.shoecatalog.ingest.swap.RedisGenerations;
import dev.shoecatalog.ingest.swap.ShrinkRefusedException;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Loads a shoe dataset into Redis and Elasticsearch as a new generation and switches readers to it,
 * or ({@code --rollback}) switches readers back to the previous one. One run at a time per catalog
 * (a lease in Redis). Exit codes: 0 done; 1 failed (readers keep the current generation, or the
 * message names which store serves which); 2 bad options; 3 the dataset was refused (missing, empty,
 * too many rejects, much smaller than the catalog readers use) or there is nothing to roll back to; 4
 * another load is running; 5 the new generation would not fit in Redis's {@code maxmemory}. A failure ends with one line naming its cause; stack traces go to the log
 * at debug level, or are shown with {@code --verbose}.
 */
@Command(name = "ingest-job", mixinStandardHelpOptions = true, versionProvider = IngestJob.Version.class,
        description = "Loads every CSV of a shoe dataset into Redis and Elasticsearch, then switches readers to it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:loaded (or rolled back), readers use the new generation",
                "1:failed, readers keep the current generation (or the message says which store serves which)",
                "2:invalid options",
                "3:dataset refused (missing, empty, no usable row, too many rejects, a cell over --max-cell-chars, more than"
                        + " --max-shrink smaller than the catalog readers use), or nothing to roll back to",
                "4:another load is running on this catalog; nothing written",
                "5:the new generation would not fit in what Redis's maxmemory leaves; nothing written"})
public final class IngestJob implements Callable<Integer> {

    static final int LOAD_FAILED = 1;
    static final int DATASET_REFUSED = 3;
    static final int NOTHING_TO_ROLL_BACK = 3;
    static final int LOAD_IN_PROGRESS = 4;
    static final int NO_ROOM_IN_REDIS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

    @Mixin
    IngestOptions options = new IngestOptions();

    @Override
    public Integer call() {
        JobLogging.configure(options.verbose);
        try (CatalogLease lease = CatalogLease.acquire(options.redis(), Duration.ofSeconds(options.leaseSeconds))) {
            return options.rollback ? rollBack(lease) : load(lease);
        } catch (LoadInProgressException e) {
            LOG.error("Nothing written: {}", e.getMessage());
            return LOAD_IN_PROGRESS;
        } catch (RuntimeException e) {
            fail("Could not take the catalog's lease in Redis, nothing written", e);
            return LOAD_FAILED;
        }
    }

    private int rollBack(CatalogLease lease) {
        try (ElasticsearchGenerations elasticsearch = new ElasticsearchGenerations(options.elasticsearch())) {
            GenerationSwap swap = new GenerationSwap(new RedisGenerations(options.redis()), elasticsearch, lease);
            CatalogState before = swap.rollback();
            System.out.println("Rolled back: both stores serve generation " + before.rollbackTarget().orElseThrow()
                    + " (before: " + before.served() + ")");
            return 0;
        } catch (NothingToRollBackException e) {
            LOG.error("Nothing to roll back: {}", e.getMessage());
            return NOTHING_TO_ROLL_BACK;
        } catch (Exception e) {
            fail("Rollback failed", e);
            return LOAD_FAILED;
        }
    }

    private int load(CatalogLease lease) {
        SparkSession spark = SparkSessions.create("shoe-catalog-ingest", options.effectiveMaster());
        try {
            IngestSummary summary = new IngestRun(spark, options, lease).run();
            System.out.print(summary.toText());
            return 0;
        } catch (DatasetException | ShrinkRefusedException e) {
            LOG.error("Dataset refused, nothing written, readers keep the current generation: {}", e.getMessage());
            return DATASET_REFUSED;
        } catch (NoRoomInRedisException e) {
            LOG.error("No room in Redis, nothing written, readers keep the current generation: {}", e.getMessage());
            return NO_ROOM_IN_REDIS;
        } catch (ReadersSplitException e) {
            fail("Load failed", e);
            return LOAD_FAILED;
        } catch (Exception e) { // Spark's exceptions are checked ones, thrown undeclared
            fail("Load failed, readers keep the current generation", e);
            return LOAD_FAILED;
        } finally {
            SparkSessions.stopWhenIdle(spark, 10_000, options.verbose);
        }
    }

    /** One line for the user; the stack trace at debug level (shown with --verbose). */
    private static void fail(String what, Exception e) {
        LOG.error("{}: {}", what, FailureMessage.of(e));
        LOG.debug("{}", what, e);
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
        return new CommandLine(new IngestJob()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
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
