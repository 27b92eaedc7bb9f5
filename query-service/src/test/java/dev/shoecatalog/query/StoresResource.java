package dev.shoecatalog.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.RedisServer;
import dev.shoecatalog.testsupport.SlowLinkProxy;
import dev.shoecatalog.testsupport.TestStores;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real Redis and Elasticsearch for the service tests, owned by this resource so that tests can stop
 * and restart them, loaded with the sample dataset by the real ingest job run as its own process.
 * The service reaches each store through a {@link SlowLinkProxy} (no delay unless a test sets one);
 * the job writes to the stores directly.
 */
public class StoresResource implements QuarkusTestResourceLifecycleManager {

    private static RedisServer redis;
    private static ElasticsearchServer elasticsearch;
    private static Path currentDataset;
    private static SlowLinkProxy redisLink;
    private static SlowLinkProxy elasticsearchLink;

    @Override
    public Map<String, String> start() {
        redis = RedisServer.start(TestStores.logDir());
        elasticsearch = ElasticsearchServer.start(TestStores.logDir());
        load(Datasets.sample());
        redisLink = SlowLinkProxy.start(redis.port());
        elasticsearchLink = SlowLinkProxy.start(elasticsearch.port());
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:" + redisLink.port(),
                "quarkus.elasticsearch.hosts", "127.0.0.1:" + elasticsearchLink.port(),
                "quarkus.elasticsearch.protocol", "http",
                "quarkus.redis.timeout", "1s",
                "quarkus.elasticsearch.socket-timeout", "2s");
    }

    @Override
    public void stop() {
        if (redisLink != null) {
            redisLink.close();
        }
        if (elasticsearchLink != null) {
            elasticsearchLink.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** Loads a dataset into both stores unless it is what they hold already. */
    public static synchronized void ensureLoaded(Path dataset) {
        if (!dataset.equals(currentDataset)) {
            load(dataset);
        }
    }

    /** Runs the ingest job on a dataset; fails the test unless the load succeeds. */
    public static synchronized void load(Path dataset, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--master", "local[2]", "--dataset", dataset.toString(),
                "--redis-url", redis.url(), "--elasticsearch-hosts", elasticsearch.endpoint().url(),
                "--rejects", TestStores.logDir().resolve("rejects").toString(),
                "--max-shrink", "1")); // the tests switch between catalogs of any size
        args.addAll(List.of(extraArgs));
        int exit = IngestJobProcess.run(args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("the ingest job exited with " + exit + " loading " + dataset);
        }
        currentDataset = dataset;
    }

    public static RedisServer redis() {
        return redis;
    }

    /** Replaces the stopped Redis with a new, empty one on the same port. */
    public static synchronized void restartRedis() {
        int port = redis.port();
        redis.close();
        redis = RedisServer.start(TestStores.logDir(), null, port);
        currentDataset = null;
    }

    /** Replaces Redis with a new, empty one on the same port that has no search module. */
    public static synchronized void restartRedisWithoutSearchModule() {
        int port = redis.port();
        redis.close();
        redis = RedisServer.startWithoutSearchModule(TestStores.logDir(), port);
        currentDataset = null;
    }

    /** Stops the service's link to Redis and Elasticsearch both, as if both were down; {@link #reconnect} undoes it. */
    public static synchronized void disconnectBoth() {
        redisLink.close();
        elasticsearchLink.close();
    }

    public static synchronized void reconnect() {
        redisLink = SlowLinkProxy.start(redis.port(), redisLink.port());
        elasticsearchLink = SlowLinkProxy.start(elasticsearch.port(), elasticsearchLink.port());
    }

    /** The service's link to Redis, to slow it down. */
    public static SlowLinkProxy redisLink() {
        return redisLink;
    }

    /** The service's link to Elasticsearch, to slow it down. */
    public static SlowLinkProxy elasticsearchLink() {
        return elasticsearchLink;
    }

    public static ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }
}
