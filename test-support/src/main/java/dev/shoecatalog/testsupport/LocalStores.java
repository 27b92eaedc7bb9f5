package dev.shoecatalog.testsupport;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a local Redis and a local Elasticsearch for trying the project on a laptop, prints where
 * they listen, and stops both (by pid) when interrupted. Data lives in temporary directories.
 *
 * <p>Arguments: {@code [redisPort [elasticsearchPort [logDir]]]}, default 6379, 9200, target/local-stores.
 */
public final class LocalStores {

    private LocalStores() {
    }

    public static void main(String[] args) throws InterruptedException {
        int redisPort = args.length > 0 ? Integer.parseInt(args[0]) : 6379;
        int elasticPort = args.length > 1 ? Integer.parseInt(args[1]) : 9200;
        Path logDir = Path.of(args.length > 2 ? args[2] : "target/local-stores");
        RedisServer redis = RedisServer.start(logDir, null, redisPort);
        ElasticsearchServer elasticsearch;
        try {
            elasticsearch = ElasticsearchServer.start(logDir, false, elasticPort);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            elasticsearch.close();
            redis.close();
        }));
        System.out.println("REDIS_URL=" + redis.url());
        System.out.println("ELASTICSEARCH_HOSTS=" + elasticsearch.endpoint().url());
        System.out.println("local stores ready (logs in " + logDir + "); stop with Ctrl-C");
        new CountDownLatch(1).await();
    }
}
