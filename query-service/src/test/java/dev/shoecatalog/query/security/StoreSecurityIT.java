package dev.shoecatalog.query.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.FreePort;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.QueryServiceProcess;
import dev.shoecatalog.testsupport.RedisAcl;
import dev.shoecatalog.testsupport.SecuredStores;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static dev.shoecatalog.testsupport.SecuredStores.INGEST_PASSWORD;
import static dev.shoecatalog.testsupport.SecuredStores.MARKER;
import static dev.shoecatalog.testsupport.SecuredStores.QUERY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service, configured by environment variables as the chart configures it, against stores
 * secured as the chart runs them: it serves with its own read-only users over verified TLS, treats a
 * certificate for another name or from an untrusted CA as an unreachable store (503), refuses to start
 * on a URL it cannot parse, and never shows a password: every run's output and every HTTP answer
 * (API, problems, health, metrics) is searched for the password's marker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreSecurityIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static SecuredStores stores;
    private static final StringBuilder answers = new StringBuilder();

    @BeforeAll
    static void startAndLoad() {
        stores = SecuredStores.start(dir.resolve("stores"));
        Map<String, String> job = Map.of(
                "REDIS_URL", stores.redisUrl(RedisAcl.INGEST_USER, INGEST_PASSWORD),
                "REDIS_CA_CERT", stores.trustedCa().toString(),
                "ELASTICSEARCH_HOSTS", stores.elasticsearchUrl("127.0.0.1"),
                "ELASTICSEARCH_USERNAME", SecuredStores.ELASTICSEARCH_INGEST_USER,
                "ELASTICSEARCH_PASSWORD", INGEST_PASSWORD,
                "ELASTICSEARCH_CA_CERT", stores.trustedCa().toString());
        int exit = IngestJobProcess.run(dir.resolve("runs/ingest-job.log"), job, "--master", "local[2]",
                "--dataset", Datasets.sample().toString(), "--rejects", dir.resolve("rejects").toString());
        assertThat(exit).as("the ingest job's exit code (see its log)").isZero();
    }

    @AfterAll
    static void stop() {
        if (stores != null) {
            stores.close();
        }
        TestStores.keep(dir.resolve("runs"), "security-runs");
    }

    /** What the chart gives the service: its own users (the Redis one apart from the URL, as the chart does), both CAs. */
    private static Map<String, String> deployed(String... overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("REDIS_URL", stores.redisUrl("127.0.0.1"));
        env.put("REDIS_USERNAME", RedisAcl.QUERY_USER);
        env.put("REDIS_PASSWORD", QUERY_PASSWORD);
        env.put("REDIS_CA_CERT", stores.trustedCa().toString());
        env.put("ELASTICSEARCH_HOSTS", stores.elasticsearchUrl("127.0.0.1"));
        env.put("ELASTICSEARCH_USERNAME", SecuredStores.ELASTICSEARCH_QUERY_USER);
        env.put("ELASTICSEARCH_PASSWORD", QUERY_PASSWORD);
        env.put("ELASTICSEARCH_CA_CERT", stores.trustedCa().toString());
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return env;
    }

    private static QueryServiceProcess start(String name, Map<String, String> env) {
        return QueryServiceProcess.startAlive(JAR, env, dir.resolve("runs").resolve(name + ".log"));
    }

    /** GET, keeping the whole answer (status, headers, body) for the leak check; returns the status. */
    private static int get(String base, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            answers.append(path).append(' ').append(response.statusCode()).append(' ')
                    .append(response.headers().map()).append('\n').append(response.body()).append('\n');
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every kind of answer: the API of both stores, a problem, docs, health and metrics. */
    private static Map<String, Integer> everyAnswer(QueryServiceProcess service) {
        Map<String, Integer> statuses = new HashMap<>();
        for (String store : List.of("redis", "elasticsearch")) {
            statuses.put(store + " latest", get(service.url(), "/v1/" + store + "/shoes/latest?n=3"));
            statuses.put(store + " color", get(service.url(), "/v1/" + store + "/shoes/latest?n=3&color=black"));
            statuses.put(store + " search", get(service.url(), "/v1/" + store + "/shoes/search?q=boot&n=3"));
            get(service.url(), "/v1/" + store + "/shoes/latest?n=0");
        }
        statuses.put("generations", get(service.url(), "/v1/generations"));
        statuses.put("ready", get(service.managementUrl(), "/q/health/ready"));
        get(service.managementUrl(), "/q/health");
        get(service.managementUrl(), "/q/metrics");
        get(service.url(), "/openapi");
        return statuses;
    }

    @Test
    @Order(1)
    void servesWithItsOwnReadOnlyUsersOverVerifiedTls() {
        try (QueryServiceProcess service = start("serves", deployed())) {
            Map<String, Integer> statuses = everyAnswer(service);
            assertThat(statuses).as(answers.toString()).containsEntry("redis latest", 200).containsEntry("elasticsearch latest", 200)
                    .containsEntry("redis color", 200).containsEntry("elasticsearch color", 200)
                    .containsEntry("redis search", 200).containsEntry("elasticsearch search", 200)
                    .containsEntry("ready", 200);
        }
    }

    @Test
    @Order(2)
    void aCertificateForAnotherNameOrFromAnUntrustedCaIsAStoreItCannotReach() {
        String unnamed = SecuredStores.UNNAMED_ADDRESS;
        try (QueryServiceProcess service = start("redis-wrong-name-elasticsearch-untrusted", deployed(
                "REDIS_URL", stores.redisUrl(unnamed),
                "ELASTICSEARCH_CA_CERT", stores.untrustedCa().toString()))) {
            assertNeitherStoreServes(everyAnswer(service));
        }
        try (QueryServiceProcess service = start("redis-untrusted-elasticsearch-wrong-name", deployed(
                "REDIS_CA_CERT", stores.untrustedCa().toString(),
                "ELASTICSEARCH_HOSTS", stores.elasticsearchUrl(unnamed)))) {
            assertNeitherStoreServes(everyAnswer(service));
        }
        try (QueryServiceProcess service = start("localhost", deployed(
                "REDIS_URL", stores.redisUrl("localhost"),
                "ELASTICSEARCH_HOSTS", stores.elasticsearchUrl("localhost")))) {
            assertThat(everyAnswer(service)).containsEntry("redis latest", 200).containsEntry("elasticsearch latest", 200);
        }
    }

    private static void assertNeitherStoreServes(Map<String, Integer> statuses) {
        assertThat(statuses).as(answers.toString()).containsEntry("redis latest", 503).containsEntry("elasticsearch latest", 503)
                .containsEntry("redis search", 503).containsEntry("elasticsearch search", 503).containsEntry("ready", 503);
    }

    @Test
    @Order(3)
    void refusedCredentialsAndUnreachableStoresAnswer503() {
        String wrong = MARKER + "-wrong @:/#%^";
        try (QueryServiceProcess service = start("wrong-passwords", deployed(
                "REDIS_PASSWORD", wrong, "ELASTICSEARCH_PASSWORD", wrong))) {
            assertNeitherStoreServes(everyAnswer(service));
        }
        int closed = FreePort.find();
        try (QueryServiceProcess service = start("unreachable", deployed(
                "REDIS_URL", "rediss://127.0.0.1:" + closed,
                "ELASTICSEARCH_HOSTS", "https://127.0.0.1:" + closed))) {
            assertNeitherStoreServes(everyAnswer(service));
        }
    }

    @Test
    @Order(4)
    void refusesToStartOnAUrlItCannotParse() throws IOException {
        assertThat(QueryServiceProcess.runToExit(JAR, deployed("REDIS_URL", "rediss://shoes-query:" + MARKER + " x^@127.0.0.1:6379"),
                dir.resolve("runs/redis-url-unparsable.log"))).isNotZero();
        assertThat(Files.readString(dir.resolve("runs/redis-url-unparsable.log"))).contains("REDIS_URL is not a valid");
        assertThat(QueryServiceProcess.runToExit(JAR, deployed("ELASTICSEARCH_HOSTS", "https://shoes-query:" + MARKER + "@127.0.0.1:9200"),
                dir.resolve("runs/elasticsearch-url-with-credentials.log"))).isNotZero();
        assertThat(Files.readString(dir.resolve("runs/elasticsearch-url-with-credentials.log"))).contains("must not hold credentials");
    }

    @Test
    @Order(5)
    void noOutputOrAnswerHoldsAPassword() throws IOException {
        assertThat(answers).isNotEmpty();
        assertThat(answers.toString()).doesNotContain(MARKER);
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            List<Path> logs = runs.toList();
            assertThat(logs).hasSizeGreaterThanOrEqualTo(8);
            for (Path log : logs) {
                assertThat(Files.readString(log)).as(log.toString()).doesNotContain(MARKER);
            }
        }
    }
}
