package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Redis and one Elasticsearch per test JVM, started on first use and stopped by pid when the JVM
 * exits; or external servers when {@code TEST_REDIS_URL} / {@code TEST_ELASTICSEARCH_URL} are set
 * (with {@code TEST_ELASTICSEARCH_USERNAME}, {@code TEST_ELASTICSEARCH_PASSWORD},
 * {@code TEST_ELASTICSEARCH_CA_CERT}), so the same suite runs against Redis 8 or a real cluster.
 */
public final class TestStores {

    private static RedisServer redis;
    private static ElasticsearchServer elasticsearch;

    private TestStores() {
    }

    /** Server logs go to the module's {@code target/test-servers} (system property {@code test.logs.dir}). */
    public static Path logDir() {
        return Path.of(System.getProperty("test.logs.dir", "target/test-servers"));
    }

    public static synchronized String redisUrl() {
        Optional<String> external = env("TEST_REDIS_URL");
        if (external.isPresent()) {
            return external.get();
        }
        if (redis == null) {
            redis = RedisServer.start(logDir());
            stopOnExit(redis);
        }
        return redis.url();
    }

    public static synchronized ElasticsearchEndpoint elasticsearch() {
        Optional<String> external = env("TEST_ELASTICSEARCH_URL");
        if (external.isPresent()) {
            return new ElasticsearchEndpoint(external.get(), env("TEST_ELASTICSEARCH_USERNAME").orElse(null),
                    env("TEST_ELASTICSEARCH_PASSWORD").orElse(null),
                    env("TEST_ELASTICSEARCH_CA_CERT").map(Path::of).orElse(null));
        }
        if (elasticsearch == null) {
            elasticsearch = ElasticsearchServer.start(logDir());
            stopOnExit(elasticsearch);
        }
        return elasticsearch.endpoint();
    }

    private static void stopOnExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("could not stop " + server + ": " + e);
            }
        }));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    /** Copies the files of a test's own folder (e.g. each run's output) to the test logs, under {@code name}. */
    public static void keep(Path folder, String name) {
        try (Stream<Path> files = Files.list(folder)) {
            Path kept = Files.createDirectories(logDir().resolve(name));
            for (Path file : files.toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep " + folder + ": " + e);
        }
    }
}
