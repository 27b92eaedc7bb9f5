package dev.shoecatalog.query.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.shoecatalog.testsupport.BlackholeServer;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.QueryServiceProcess;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service with one store blackholed ({@link BlackholeServer}: connections accepted, never
 * answered), as a Kubernetes probe sees it: readiness answers 200 within a second on every try, naming
 * the silent store "not answering" (or "unreachable" once a check ran into its client timeout), the
 * other store's endpoints serve, and the silent store's answer 503 within its client timeout.
 */
class BlackholedStoreIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void load() {
        int exit = IngestJobProcess.run(TestStores.logDir().resolve("blackholed-load.log"), Map.of(), "--master", "local[2]",
                "--dataset", Datasets.sample().toString(), "--redis-url", TestStores.redisUrl(),
                "--elasticsearch-hosts", TestStores.elasticsearch().url(), "--rejects", TestStores.logDir().resolve("rejects").toString(),
                "--max-shrink", "1");
        assertThat(exit).isZero();
    }

    private record Answer(int status, String body, long millis) {
    }

    private static Answer get(String url) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        // Compact, whatever the JSON writer's spacing: "key": "value" becomes "key":"value".
        String body = response.body().replaceAll("\"\\s*:\\s*", "\":");
        return new Answer(response.statusCode(), body, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Once the instance is ready (its first answers from the serving store can take longer than the
     * readiness budget, as its clients warm up), ten probes, each 200 within a second, naming the silent
     * store; then its endpoint 503 and the other's 200.
     */
    private static void assertServesWithOneStoreSilent(QueryServiceProcess service, String silent, String serving,
                                                       long silentTimeoutMillis) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get(service.managementUrl() + "/q/health/ready").status() != 200) {
            assertThat(System.nanoTime()).as("the instance never became ready").isLessThan(deadline);
            Thread.sleep(100);
        }
        for (int probe = 0; probe < 10; probe++) {
            Answer ready = get(service.managementUrl() + "/q/health/ready");
            assertThat(ready.status()).as("readiness, probe " + probe + ": " + ready.body()).isEqualTo(200);
            assertThat(ready.millis()).as("readiness answer time, probe " + probe).isLessThan(1000);
            // "not answering" while a check waits; "unreachable" when one ran into its client timeout during the probe.
            assertThat(ready.body()).containsAnyOf("\"" + silent + ".state\":\"not answering\"", "\"" + silent + ".state\":\"unreachable\"")
                    .contains("\"" + serving + ".state\":\"serving\"");
            Thread.sleep(200);
        }
        Answer down = get(service.url() + "/v1/" + silent + "/shoes/latest?n=3");
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.body()).contains("\"store\":\"" + silent + "\"");
        assertThat(down.millis()).as("the silent store's answer time").isLessThan(silentTimeoutMillis + 2000);
        Answer up = get(service.url() + "/v1/" + serving + "/shoes/latest?n=3");
        assertThat(up.status()).as(up.body()).isEqualTo(200);
    }

    @Test
    void elasticsearchBlackholed() throws Exception {
        try (BlackholeServer blackhole = BlackholeServer.start();
             QueryServiceProcess service = QueryServiceProcess.startAlive(JAR, Map.of("REDIS_URL", TestStores.redisUrl(),
                     "ELASTICSEARCH_HOSTS", "http://127.0.0.1:" + blackhole.port(), "ELASTICSEARCH_SOCKET_TIMEOUT", "2s"),
                     TestStores.logDir().resolve("blackholed-elasticsearch.log"))) {
            assertServesWithOneStoreSilent(service, "elasticsearch", "redis", 2000);
            assertThat(blackhole.accepted()).isPositive();
        }
    }

    @Test
    void redisBlackholed() throws Exception {
        try (BlackholeServer blackhole = BlackholeServer.start();
             QueryServiceProcess service = QueryServiceProcess.startAlive(JAR, Map.of("REDIS_URL", "redis://127.0.0.1:" + blackhole.port(),
                     "ELASTICSEARCH_HOSTS", TestStores.elasticsearch().url(), "REDIS_TIMEOUT", "2s"),
                     TestStores.logDir().resolve("blackholed-redis.log"))) {
            assertServesWithOneStoreSilent(service, "redis", "elasticsearch", 2000);
            assertThat(blackhole.accepted()).isPositive();
        }
    }
}
