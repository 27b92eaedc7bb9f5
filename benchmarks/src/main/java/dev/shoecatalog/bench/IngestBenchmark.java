package dev.shoecatalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeJson;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.RedisServer;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Runs the ingest job on generated datasets of several sizes at local[1] and local[2], then loads the
 * very documents it wrote with raw loaders (Jedis pipelines, bulk requests, no Spark) at several batch
 * sizes, and writes the ratios to a Markdown report. Arguments: {@code rows[,rows...] report.md}.
 */
public final class IngestBenchmark {

    private static final int[] REDIS_BATCHES = {100, 500, 2000};
    private static final int[] BULK_BATCHES = {500, 1000, 5000};
    /** Runs of the job (concurrent writes) per size and master, reported as medians; plus one run with sequential writes. */
    private static final int RUNS = Integer.parseInt(System.getProperty("bench.runs", "3"));
    /** False for a build without {@code --writes}: then it runs as it always did and has no sequential run. */
    private static final boolean SEQUENTIAL = Boolean.parseBoolean(System.getProperty("bench.sequential", "true"));
    private static final List<String> MASTERS = List.of(System.getProperty("bench.masters", "local[1],local[2]").split(","));
    /** Files per generated dataset: 4 by default, 1 to see one large file parsed by every core. */
    private static final int FILES = Integer.parseInt(System.getProperty("bench.files", "4"));
    /** A dataset to measure instead of a generated one (then one size, the rows it holds, names the row). */
    private static final String DATASET = System.getProperty("bench.dataset", "");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : args[0].split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        Path report = Path.of(args[1]);
        Path work = Files.createTempDirectory("shoes-bench-");
        Path logs = Path.of("target/benchmark");
        List<String> rows = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(logs); ElasticsearchServer elasticsearch = ElasticsearchServer.start(logs)) {
            for (int size : sizes) {
                Path dataset = DATASET.isEmpty() ? work.resolve("rows-" + size) : Path.of(DATASET);
                if (DATASET.isEmpty()) {
                    new DatasetWriter(42, 0.01, 3.5).write(dataset, size, FILES);
                }
                for (String master : MASTERS) {
                    rows.add(measure(size, master, dataset, redis, elasticsearch, logs));
                    System.out.println(rows.get(rows.size() - 1));
                }
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, IngestReport.markdown(rows, LocalDate.now().toString(), args[0], RUNS, MASTERS, SEQUENTIAL, FILES, DATASET));
        System.out.println("report: " + report);
    }

    private static String measure(int size, String master, Path dataset, RedisServer redis, ElasticsearchServer elasticsearch,
                                  Path logs) throws Exception {
        double parse = sparkCsvParse(master, dataset, logs.resolve("spark-csv-parse-" + size + "-" + master + ".log"));
        List<JobRun> concurrent = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            concurrent.add(run(size, master, dataset, redis, elasticsearch, logs, "concurrent"));
        }
        JobRun sequential = SEQUENTIAL ? run(size, master, dataset, redis, elasticsearch, logs, "sequential") : null;
        HostAndPort server = new HostAndPort("127.0.0.1", redis.port());
        long g;
        List<String> documents;
        try (Jedis jedis = RawRedisLoader.connect(server)) {
            g = Long.parseLong(jedis.get(CatalogKeys.CURRENT));
            documents = documents(jedis, g);
        }
        List<Shoe> shoes = documents.stream().map(ShoeJson::decode).toList();
        int threads = master.equals("local[1]") ? 1 : 2;
        double rawRedis = Double.MAX_VALUE;
        int bestRedis = 0;
        RawRedisLoader redisLoader = new RawRedisLoader(server);
        for (int batch : REDIS_BATCHES) {
            double seconds = redisLoader.load(documents, threads, batch, redis.hasSearchModule() ? CatalogKeys.index(g) : null);
            if (seconds < rawRedis) {
                rawRedis = seconds;
                bestRedis = batch;
            }
        }
        redisLoader.clear();
        double rawElastic = Double.MAX_VALUE;
        int bestBulk = 0;
        try (RawElasticsearchLoader elasticLoader = new RawElasticsearchLoader(elasticsearch.endpoint().url())) {
            for (int batch : BULK_BATCHES) {
                double seconds = elasticLoader.load(shoes, CatalogKeys.index(g), threads, batch);
                if (seconds < rawElastic) {
                    rawElastic = seconds;
                    bestBulk = batch;
                }
            }
            elasticLoader.clear();
        }
        return IngestReport.row(size, master, shoes.size(), concurrent, sequential, parse, rawRedis, bestRedis, rawElastic, bestBulk);
    }

    /** Seconds Spark's own CSV reader takes to parse the dataset's files as the job reads them ({@link SparkCsvParse}), same master. */
    private static double sparkCsvParse(String master, Path dataset, Path log) throws Exception {
        Files.deleteIfExists(log);
        String classes = Path.of(SparkCsvParse.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process process = IngestJobProcess.startMainAsDeployed(log, SparkCsvParse.class.getName(), classes, master, dataset.toString());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Spark's CSV parse failed on " + dataset + " (see " + log + ")");
        }
        return Files.readAllLines(log).stream().filter(line -> line.startsWith("parse-seconds ")).reduce((a, b) -> b)
                .map(line -> Double.parseDouble(line.substring("parse-seconds ".length()))).orElseThrow();
    }

    /** One run of the job with these writes, its stage times read back from the generation it loaded. */
    private static JobRun run(int size, String master, Path dataset, RedisServer redis, ElasticsearchServer elasticsearch,
                              Path logs, String writes) throws Exception {
        String[] args = JobRun.loadArgs(master, dataset, redis, elasticsearch, logs.resolve("rejects"));
        if (SEQUENTIAL) {
            args = Arrays.copyOf(args, args.length + 2);
            args[args.length - 2] = "--writes";
            args[args.length - 1] = writes;
        }
        JobRun run = JobRun.of(logs.resolve("job-" + size + "-" + master + ".log"), args);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("the job failed on " + size + " rows at " + master + " (" + writes + " writes)");
        }
        try (Jedis jedis = RawRedisLoader.connect(new HostAndPort("127.0.0.1", redis.port()))) {
            long g = Long.parseLong(jedis.get(CatalogKeys.CURRENT));
            return run.withStages(JobRun.stages(jedis.hgetAll(CatalogKeys.meta(g))));
        }
    }

    /** Every stored document of generation g, as the job wrote it, in rank order. */
    private static List<String> documents(Jedis jedis, long g) {
        long products = Long.parseLong(jedis.hget(CatalogKeys.meta(g), CatalogKeys.META_PRODUCTS));
        Pipeline pipeline = jedis.pipelined();
        List<Response<List<String>>> lists = new ArrayList<>();
        for (long b = 0; b < CatalogKeys.docBuckets(products); b++) {
            lists.add(pipeline.lrange(CatalogKeys.docList(g, b), 0, -1));
        }
        pipeline.sync();
        return lists.stream().flatMap(list -> list.get().stream()).filter(doc -> !doc.isEmpty()).toList();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
