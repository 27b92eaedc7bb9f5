package dev.shoecatalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.Colors;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.testsupport.QueryServiceProcess;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.RedisServer;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import static dev.shoecatalog.model.CatalogKeys.GENERATION_PLACEHOLDER;

/**
 * Loads catalogs of several sizes with the ingest job, then measures the query service (JVM or native)
 * with {@code wrk} at several concurrencies, and the stores directly for the same answers: the same
 * Lua script through {@code redis-benchmark}, the same {@code _search} body through {@code wrk}.
 * Arguments: {@code products[,products...] report.md service.jar [concurrencies] [seconds]}.
 */
public final class QueryBenchmark {

    private static final String COLOR = "black";

    /** One endpoint of the service, and how to ask the store directly for the same answer (null: no baseline). */
    record Scenario(String name, String store, String path, String body, Direct direct) {
    }

    /** The direct query: Redis command arguments, or an Elasticsearch {@code _search} body. */
    record Direct(String[] redisCommand, String elasticsearchBody) {
    }

    private QueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = integers(args[0]);
        Path report = Path.of(args[1]);
        Path jar = Path.of(args[2]);
        List<Integer> concurrencies = integers(args.length > 3 ? args[3] : "1,8,32");
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        Path work = Files.createTempDirectory("shoes-query-bench-");
        Path logs = Path.of("target/benchmark");
        Files.createDirectories(logs);
        Wrk wrk = new Wrk();
        List<QueryReport.Row> rows = new ArrayList<>();
        List<QueryReport.Footprint> footprints = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(logs); ElasticsearchServer elasticsearch = ElasticsearchServer.start(logs)) {
            for (int size : sizes) {
                long products = load(size, work, redis, elasticsearch, logs);
                try (QueryServiceProcess service = QueryServiceProcess.startReady(jar, redis.url(), elasticsearch.endpoint().url(),
                        logs.resolve("query-service-" + size + ".log"))) {
                    long rssReady = service.rssMb();
                    for (Scenario scenario : scenarios()) {
                        wrk.run(service.url() + scenario.path(), scenario.body(), 8, 5); // warm-up (JIT), not reported
                        for (int c : concurrencies) {
                            Wrk.Result ours = wrk.run(service.url() + scenario.path(), scenario.body(), c, seconds);
                            QueryReport.Baseline direct = direct(scenario, c, seconds, wrk, redis, elasticsearch);
                            rows.add(new QueryReport.Row(products, scenario.name(), scenario.store(), c, ours, direct));
                            System.out.println(rows.get(rows.size() - 1));
                        }
                    }
                    footprints.add(new QueryReport.Footprint(products, service.secondsToStart(), rssReady, service.rssMb()));
                }
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, QueryReport.markdown(rows, footprints, LocalDate.now().toString(),
                command(args, jar), seconds, !jar.getFileName().toString().endsWith(".jar")));
        System.out.println("report: " + report);
    }

    /** The command line that makes this report again; another build than this checkout's is named by SERVICE_JAR. */
    private static String command(String[] args, Path jar) {
        String prefix = (jar.equals(Path.of("query-service/target/quarkus-app/quarkus-run.jar")) ? "" : "SERVICE_JAR=" + jar + " ")
                + (args[1].equals("docs/benchmarks/query.md") ? "" : "REPORT=" + args[1] + " ");
        return (prefix + "bin/benchmark-query " + String.join(" ", args[0], args.length > 3 ? args[3] : "",
                args.length > 4 ? args[4] : "")).strip();
    }

    private static List<Integer> integers(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    /** Loads about {@code size} products (one row each) with the job; returns the product count it reports. */
    static long load(int size, Path work, RedisServer redis, ElasticsearchServer elasticsearch, Path logs) throws Exception {
        Path dataset = work.resolve("products-" + size);
        new DatasetWriter(7, 0.0, 1.0).write(dataset, size, 4);
        JobRun run = JobRun.of(logs.resolve("query-bench-load-" + size + ".log"),
                JobRun.loadArgs("local[2]", dataset, redis, elasticsearch, work.resolve("rejects")));
        if (run.exitCode() != 0) {
            throw new IllegalStateException("loading " + size + " products failed; see " + logs);
        }
        ElasticsearchMerges.awaitIdle(elasticsearch.endpoint().url(), java.time.Duration.ofMinutes(2));
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", redis.port()))) {
            String current = jedis.get(CatalogKeys.CURRENT);
            // A build of the earlier layout (measured for comparison) keeps its meta under untagged names.
            Map<String, String> meta = current != null ? jedis.hgetAll(CatalogKeys.meta(Long.parseLong(current)))
                    : jedis.hgetAll("shoes:" + jedis.get("shoes:current") + ":meta");
            jedis.scriptLoad(Files.readString(Path.of("query-service/src/main/resources/redis/latest.lua")));
            System.out.printf("loaded %s products in %.1f s%n", meta.get("products"), run.wallSeconds());
            return Long.parseLong(meta.get("products"));
        }
    }

    static List<Scenario> scenarios() throws Exception {
        String latestScript = Files.readString(Path.of("query-service/src/main/resources/redis/latest.lua"));
        String colorKey = Colors.queryKey(COLOR);
        // The call the service makes: the script by its SHA-1, read-only (load() put the script in the server's cache).
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(latestScript.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String docs = CatalogKeys.docsPrefix(GENERATION_PLACEHOLDER);
        String meta = CatalogKeys.meta(GENERATION_PLACEHOLDER);
        String perList = Integer.toString(CatalogKeys.DOCS_PER_BUCKET);
        String buckets = CatalogKeys.colorBucketPrefix(GENERATION_PLACEHOLDER);
        String[] redisLatest = {"EVALSHA_RO", sha, "1", CatalogKeys.CURRENT, docs, "", meta, "10", perList, buckets, "", "0"};
        String[] redisColor = {"EVALSHA_RO", sha, "1", CatalogKeys.CURRENT, docs, CatalogKeys.color(GENERATION_PLACEHOLDER, colorKey),
                meta, "10", perList, buckets, colorKey, Long.toString(CatalogKeys.keyHash(colorKey))};
        String sort = "\"size\":10,\"track_total_hits\":false,\"sort\":[{\"" + ShoeFields.DATE_UPDATED + "\":{\"order\":\"desc\"}},{\""
                + ShoeFields.ID + "\":{\"order\":\"desc\"}}]";
        String elasticLatest = "{" + sort + "}";
        String elasticColor = "{" + sort + ",\"query\":{\"bool\":{\"filter\":[{\"term\":{\"" + ShoeFields.COLOR_KEYS + "\":\""
                + colorKey + "\"}}]}}}";
        return List.of(
                new Scenario("latest 10", "redis", "/v1/redis/shoes/latest?n=10", null, new Direct(redisLatest, null)),
                new Scenario("latest 10 of a color", "redis", "/v1/redis/shoes/latest?n=10&color=" + COLOR, null, new Direct(redisColor, null)),
                new Scenario("latest 10", "elasticsearch", "/v1/elasticsearch/shoes/latest?n=10", null, new Direct(null, elasticLatest)),
                new Scenario("latest 10 of a color", "elasticsearch", "/v1/elasticsearch/shoes/latest?n=10&color=" + COLOR, null,
                        new Direct(null, elasticColor)),
                new Scenario("search q=boot", "redis", "/v1/redis/shoes/search?q=boot&n=10", null, null),
                new Scenario("search q=boot", "elasticsearch", "/v1/elasticsearch/shoes/search?q=boot&n=10", null, null),
                new Scenario("old POST /redis_shoes/latest", "redis", "/redis_shoes/latest", "10", new Direct(redisLatest, null)),
                new Scenario("old POST /elastic_shoes/latest/color", "elasticsearch", "/elastic_shoes/latest/color",
                        "{\"n\":10,\"color\":\"" + COLOR + "\"}", new Direct(null, elasticColor)));
    }

    static QueryReport.Baseline direct(Scenario scenario, int c, int seconds, Wrk wrk, RedisServer redis,
                                               ElasticsearchServer elasticsearch) throws Exception {
        if (scenario.direct() == null) {
            return null;
        }
        if (scenario.direct().redisCommand() != null) {
            int requests = (c == 1 ? 1_500 : 5_000) * seconds;
            RedisBenchmarkTool.Result r = RedisBenchmarkTool.run(redis.port(), c, requests, scenario.direct().redisCommand());
            return new QueryReport.Baseline("redis-benchmark EVALSHA_RO", r.requestsPerSecond(), r.p50(), r.p99(), Double.NaN, 0);
        }
        Wrk.Result r = wrk.run(elasticsearch.endpoint().url() + "/" + CatalogKeys.ALIAS + "/_search",
                scenario.direct().elasticsearchBody(), c, seconds);
        return new QueryReport.Baseline("wrk POST _search", r.requestsPerSecond(), r.p50(), r.p99(), r.p999(), r.errors());
    }
}
