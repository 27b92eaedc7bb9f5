package dev.shoecatalog.ingest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.shoecatalog.ingest.config.ElasticsearchSettings;
import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.ingest.normalize.ColorRanks;
import dev.shoecatalog.ingest.normalize.LatestRank;
import dev.shoecatalog.ingest.normalize.ProductAggregation;
import dev.shoecatalog.ingest.normalize.RowRules;
import dev.shoecatalog.ingest.read.CsvDatasetReader;
import dev.shoecatalog.ingest.read.CsvFile;
import dev.shoecatalog.ingest.read.DatasetException;
import dev.shoecatalog.ingest.read.DatasetFiles;
import dev.shoecatalog.ingest.read.ReadFailures;
import dev.shoecatalog.ingest.report.IngestSummary;
import dev.shoecatalog.ingest.report.LoadProgress;
import dev.shoecatalog.ingest.report.ReadCounts;
import dev.shoecatalog.ingest.report.RejectsOutput;
import dev.shoecatalog.ingest.report.StageTimes;
import dev.shoecatalog.ingest.swap.CatalogLease;
import dev.shoecatalog.ingest.swap.ElasticsearchGenerations;
import dev.shoecatalog.ingest.swap.Generation;
import dev.shoecatalog.ingest.swap.GenerationSwap;
import dev.shoecatalog.ingest.swap.RedisGenerations;
import dev.shoecatalog.ingest.swap.RedisRoom;
import dev.shoecatalog.ingest.write.ElasticsearchWriter;
import dev.shoecatalog.ingest.write.RedisColorWriter;
import dev.shoecatalog.ingest.write.RedisLayout;
import dev.shoecatalog.ingest.write.RedisWriter;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import static dev.shoecatalog.ingest.normalize.RowRules.REJECT_REASON;
import static org.apache.spark.sql.functions.col;

/** One load: read and normalize, check the rejects, write both stores (at once unless --writes sequential), switch generations. */
final class IngestRun {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    static final String WRITTEN_TO_REDIS = "products written to Redis";
    static final String WRITTEN_TO_ELASTICSEARCH = "products written to Elasticsearch";
    /** What the long stages count while they run. */
    private static final Map<String, LoadProgress.Counter> COUNTED = Map.of(
            "read", new LoadProgress.Counter(LoadProgress.FILE_ROWS, "rows"),
            "write-redis", new LoadProgress.Counter(WRITTEN_TO_REDIS, "products"),
            "write-elasticsearch", new LoadProgress.Counter(WRITTEN_TO_ELASTICSEARCH, "products"));

    private final SparkSession spark;
    private final IngestOptions options;
    private final CatalogLease lease;
    private final LoadProgress progress;
    private final StageTimes stages;

    IngestRun(SparkSession spark, IngestOptions options, CatalogLease lease) {
        this.spark = spark;
        this.options = options;
        this.lease = lease;
        this.progress = options.quiet ? null : new LoadProgress(COUNTED, Duration.ofSeconds(options.progressSeconds));
        this.stages = new StageTimes(progress);
    }

    IngestSummary run() {
        if (progress == null) {
            return load();
        }
        spark.sparkContext().addSparkListener(progress);
        try (progress) {
            return load();
        } finally {
            spark.sparkContext().removeSparkListener(progress);
        }
    }

    private IngestSummary load() {
        Instant started = Instant.now();
        RedisSettings redisSettings = options.redis();
        ElasticsearchSettings elasticSettings = options.elasticsearch();
        try (ElasticsearchGenerations elasticsearch = new ElasticsearchGenerations(elasticSettings)) {
            RedisGenerations redis = new RedisGenerations(redisSettings);
            stages.time("connect", () -> {
                redis.current();
                elasticsearch.checkReachable();
            });
            List<CsvFile> files = stages.time("list", this::listFiles);
            Dataset<Row> rows = RowRules.apply(CsvDatasetReader.read(spark, files, options.maxCellChars))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                ReadCounts counts = stages.time("read", () -> readCounts(rows));
                String rejectsLocation = writeRejects(rows.filter(col(REJECT_REASON).isNotNull()), counts, started);
                checkRejectRatio(counts);
                Input input = new Input(started, counts.rowsPerFile(), CsvDatasetReader.unrecognized(files), counts.rejectsByReason(),
                        rejectsLocation);
                Products normalized = stages.time("normalize", () -> normalize(rows.filter(col(REJECT_REASON).isNull())));
                // The products are cached: the rows are not needed any more, and the writes want the memory.
                rows.unpersist();
                return load(normalized, input, new GenerationSwap(redis, elasticsearch, lease), redisSettings, elasticSettings);
            } finally {
                rows.unpersist();
            }
        }
    }

    /** What was read, for the summary. */
    private record Input(Instant started, Map<String, Long> rowsPerFile, List<String> unrecognizedFiles,
                         Map<String, Long> rejects, String rejectsLocation) {
    }

    /** Loads the products as a new generation of both stores. */
    private IngestSummary load(Products normalized, Input input, GenerationSwap swap, RedisSettings redisSettings,
                               ElasticsearchSettings elasticSettings) {
        Dataset<Row> products = normalized.rows();
        try {
            long productCount = normalized.count();
            if (productCount == 0) {
                throw new DatasetException("no usable row in " + options.dataset);
            }
            long productsBefore = swap.checkShrink(productCount, options.maxShrink);
            String redisMemory = swap.checkRoom(productCount);
            lease.checkHeld();
            OptionalLong usedBefore = swap.redisUsedMemory();
            Generation generation = stages.time("prepare", () -> swap.begin(options.redisSearch, productCount, normalized.colorKeys(),
                    options.redisColorKeep));
            try {
                long[] written = writeBoth(normalized, generation, redisSettings, elasticSettings);
                OptionalLong usedAfter = swap.redisUsedMemory();
                long perProduct = usedBefore.isPresent() && usedAfter.isPresent()
                        ? RedisRoom.perProduct(usedBefore.getAsLong(), usedAfter.getAsLong(), productCount) : 0;
                Function<List<String>, IngestSummary> summary = cleanupProblems -> new IngestSummary(generation.number(),
                        IngestJob.version(), input.started(), Instant.now(), input.rowsPerFile(), input.unrecognizedFiles(),
                        input.rejects(), input.rejectsLocation(), productCount, written[0], written[1], stages.ordered(),
                        generation.searchIndex().label(), generation.searchIndex().note(), cleanupProblems, productsBefore,
                        options.maxShrink, redisMemory, perProduct);
                List<String> cleanupProblems = stages.time("swap", () -> swap.commit(generation, productCount,
                        summary.apply(List.of()).toMeta(), options.timeoutMillis));
                return summary.apply(cleanupProblems);
            } catch (Exception e) { // Spark's checked exceptions too (thrown undeclared); rethrown as they are
                swap.abort(generation);
                throw e;
            }
        } finally {
            products.unpersist();
            normalized.colors().unpersist();
        }
    }

    /**
     * The products, ranked, partitioned for the writes and cached, and how many there are; the newest
     * ranks of each color key, cached, and how many keys there are.
     */
    private record Products(Dataset<Row> rows, long count, JavaPairRDD<String, long[]> colors, long colorKeys) {
    }

    /**
     * Ranking starts Spark jobs as soon as it is built (the sort's sampling, the partition sizes for
     * the numbering), so the whole of it is inside the stage's time. The products are cached and
     * counted before ranking, so that those jobs do not aggregate again and the ranked rows get
     * partitions of the size the writes want ({@link #partitions}); they are written as they are.
     */
    private Products normalize(Dataset<Row> goodRows) {
        Dataset<Row> aggregated = ProductAggregation.apply(goodRows).persist(StorageLevel.MEMORY_AND_DISK());
        long aggregatedCount = aggregated.count();
        Dataset<Row> ranked = LatestRank.apply(aggregated, partitions(aggregatedCount)).persist(StorageLevel.MEMORY_AND_DISK());
        long count = ranked.count();
        aggregated.unpersist();
        JavaPairRDD<String, long[]> colors = ColorRanks.apply(ranked, options.redisColorKeep).persist(StorageLevel.MEMORY_AND_DISK());
        return new Products(ranked, count, colors, colors.count());
    }

    private List<CsvFile> listFiles() {
        try {
            return DatasetFiles.list(options.dataset, spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new DatasetException("cannot list dataset " + options.dataset + ": " + e.getMessage());
        }
    }

    private String writeRejects(Dataset<Row> rejected, ReadCounts counts, Instant started) {
        if (counts.rejected() == 0) {
            return "none";
        }
        String location = options.rejects.replaceAll("/+$", "") + "/run-" + RUN_ID.format(started);
        stages.time("write-rejects", () -> RejectsOutput.write(rejected, counts, location));
        return location;
    }

    /** The first pass over the files: a cell past --max-cell-chars fails it, said as the dataset's fault. */
    private ReadCounts readCounts(Dataset<Row> rows) {
        try {
            return ReadCounts.of(rows);
        } catch (Exception e) { // Spark's own exceptions are checked ones, thrown undeclared
            RuntimeException failure = ReadFailures.explain(e, options.maxCellChars).map(RuntimeException.class::cast)
                    .orElseGet(() -> e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e));
            throw failure;
        }
    }

    /** Rejected records weigh the physical lines they span (see {@link ReadCounts#rejectedShare}). */
    private void checkRejectRatio(ReadCounts counts) {
        if (counts.rows() == 0) {
            throw new DatasetException("the dataset " + options.dataset + " has no data row");
        }
        double ratio = counts.rejectedShare();
        if (ratio > options.maxRejectRatio) {
            throw new DatasetException(String.format(Locale.ROOT,
                    "%d of %d rows rejected, spanning %d lines (%.1f%% of the input, more than --max-reject-ratio %.1f%%): %s",
                    counts.rejected(), counts.rows(), counts.rejectedLines(), ratio * 100, options.maxRejectRatio * 100,
                    counts.rejectsByReason()));
        }
    }

    /**
     * Both stores, each a Spark job: at once from two driver threads (the first failure cancels the
     * other), or one after the other with {@code --writes sequential}.
     */
    private long[] writeBoth(Products normalized, Generation generation, RedisSettings redisSettings,
                             ElasticsearchSettings elasticSettings) {
        Dataset<Row> products = normalized.rows();
        RedisLayout layout = RedisLayout.of(generation);
        long g = generation.number();
        LongAccumulator toRedis = spark.sparkContext().longAccumulator(WRITTEN_TO_REDIS);
        LongAccumulator toElastic = spark.sparkContext().longAccumulator(WRITTEN_TO_ELASTICSEARCH);
        String group = "shoes-generation-" + g;
        Runnable redisWrite = () -> inJobGroup(group, () -> stages.time("write-redis", () -> {
            products.foreachPartition(new RedisWriter(redisSettings, layout, options.redisMaxRetries, toRedis));
            normalized.colors().foreachPartition(new RedisColorWriter(redisSettings, layout, options.redisMaxRetries));
        }));
        Runnable elasticWrite = () -> inJobGroup(group, () -> stages.time("write-elasticsearch",
                () -> products.foreachPartition(new ElasticsearchWriter(elasticSettings, g, toElastic))));
        if (options.writes == StoreWrites.SEQUENTIAL) {
            redisWrite.run();
            elasticWrite.run();
            return new long[] {toRedis.value(), toElastic.value()};
        }
        CompletableFuture<Void> redis = CompletableFuture.runAsync(redisWrite);
        CompletableFuture<Void> elastic = CompletableFuture.runAsync(elasticWrite);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        BiConsumer<Void, Throwable> cancelOnFailure = (ignored, failure) -> {
            if (failure != null && firstFailure.compareAndSet(null, failure)) {
                spark.sparkContext().cancelJobGroup(group);
            }
        };
        redis.whenComplete(cancelOnFailure);
        elastic.whenComplete(cancelOnFailure);
        try {
            CompletableFuture.allOf(redis, elastic).join();
        } catch (CompletionException e) {
            // join() may return before the failed future's callback ran: then its own failure is the first one.
            Throwable first = firstFailure.get() != null ? firstFailure.get() : e;
            Throwable cause = first instanceof CompletionException c && c.getCause() != null ? c.getCause() : first;
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        return new long[] {toRedis.value(), toElastic.value()};
    }

    private void inJobGroup(String group, Runnable work) {
        spark.sparkContext().setJobGroup(group, "load " + group, true);
        try {
            work.run();
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /**
     * Partitions of the ranking and the writes: {@code --partitions}, else one per
     * {@code --products-per-partition} products and at least one per core, so that a task's sort and
     * its writes hold a bounded share of the catalog however large it grows.
     */
    private int partitions(long products) {
        if (options.partitions > 0) {
            return options.partitions;
        }
        return partitionsFor(products, options.productsPerPartition, spark.sparkContext().defaultParallelism());
    }

    static int partitionsFor(long products, int productsPerPartition, int cores) {
        long bySize = (products + productsPerPartition - 1) / productsPerPartition;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(cores, bySize));
    }
}
