package dev.shoecatalog.query.reliability;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.SlowLinkProxy;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store slowed past its timeout, stopped or killed while clients keep querying both: the other
 * store's endpoints keep answering 200, the affected ones answer 503 within the timeout (never a
 * 500, never a hang), and once the store is back they answer correctly again without a restart of
 * the service. The service reaches the stores through {@link SlowLinkProxy} links (see
 * {@link StoresResource}); Redis times out after 1 s and Elasticsearch after 2 s in tests.
 */
@QuarkusTest
class StoreFaultsUnderLoadTest {

    private static final String REDIS = "v1/redis/shoes/latest?n=5";
    private static final String ELASTICSEARCH = "v1/elasticsearch/shoes/latest?n=5";
    private static final long REDIS_TIMEOUT_MILLIS = 1_000;
    private static final long ELASTICSEARCH_TIMEOUT_MILLIS = 2_000;
    /** Scheduling slack on a busy two-core machine, on top of a timeout. */
    private static final long SLACK_MILLIS = 2_000;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void sample() {
        StoresResource.ensureLoaded(Datasets.sample());
    }

    private static List<String> ids(String path) {
        return given().get("/" + path).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** Only 200s on a path, at least some. */
    private static void assertServing(BackgroundLoad.Seen seen, String path) {
        assertThat(seen.total()).as(path + " answered").isPositive();
        assertThat(seen.statuses()).as(path + " statuses").containsOnlyKeys(200);
    }

    /** 503s within the timeout (and 200s from before the fault), nothing else. */
    private static void assertFailingFast(BackgroundLoad.Seen seen, String path, long timeoutMillis) {
        System.out.printf("during the fault, %s answered %s, slowest in %d ms%n", path, seen.statuses(), seen.slowestMillis());
        assertThat(seen.count(503)).as(path + " 503s in " + seen.statuses()).isPositive();
        assertThat(seen.statuses().keySet()).as(path + " statuses").isSubsetOf(200, 503);
        assertThat(seen.slowestMillis()).as(path + " slowest answer").isLessThan(timeoutMillis + SLACK_MILLIS);
    }

    /** After the fault: the path answers only 200 again, with the same ids as before. */
    private static void assertRecovered(BackgroundLoad load, String path, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        load.takeSeen(path);
        pause(Duration.ofSeconds(2));
        while (!load.takeSeen(path).statuses().keySet().equals(java.util.Set.of(200))) {
            assertThat(System.nanoTime()).as(path + " recovers").isLessThan(deadline);
            pause(Duration.ofSeconds(1));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(ids(path)).as("answers after recovery are this request's own").isEqualTo(expected);
        }
    }

    /** Slows the service's link to one store past its timeout while clients query both, then lifts the delay. */
    private void slowedPastItsTimeout(SlowLinkProxy link, String affected, String other, Duration delay, Duration fault,
                                      long timeoutMillis) throws Exception {
        List<String> before = ids(affected);
        try (BackgroundLoad load = BackgroundLoad.start(base, List.of(REDIS, ELASTICSEARCH), 2)) {
            pause(Duration.ofSeconds(1));
            assertServing(load.takeSeen(affected), affected);
            load.takeSeen(other);

            link.delay(delay);
            pause(fault);
            assertFailingFast(load.takeSeen(affected), affected, timeoutMillis);
            assertServing(load.takeSeen(other), other);

            link.delay(Duration.ZERO);
            assertRecovered(load, affected, before);
        } finally {
            link.delay(Duration.ZERO);
        }
    }

    @Test
    void redisSlowerThanItsTimeout() throws Exception {
        slowedPastItsTimeout(StoresResource.redisLink(), REDIS, ELASTICSEARCH, Duration.ofMillis(1_500), Duration.ofSeconds(5),
                REDIS_TIMEOUT_MILLIS);
    }

    @Test
    void elasticsearchSlowerThanItsTimeout() throws Exception {
        slowedPastItsTimeout(StoresResource.elasticsearchLink(), ELASTICSEARCH, REDIS, Duration.ofMillis(3_000),
                Duration.ofSeconds(7), ELASTICSEARCH_TIMEOUT_MILLIS);
    }

    @Test
    void elasticsearchStoppedAndRestarted() throws Exception {
        List<String> elasticIds = ids(ELASTICSEARCH);
        try (BackgroundLoad load = BackgroundLoad.start(base, List.of(REDIS, ELASTICSEARCH), 2)) {
            pause(Duration.ofSeconds(1));
            load.takeSeen(REDIS);
            load.takeSeen(ELASTICSEARCH);

            StoresResource.elasticsearch().stop();
            try {
                pause(Duration.ofSeconds(3));
                assertFailingFast(load.takeSeen(ELASTICSEARCH), ELASTICSEARCH, ELASTICSEARCH_TIMEOUT_MILLIS);
                assertServing(load.takeSeen(REDIS), REDIS);
            } finally {
                StoresResource.elasticsearch().restart();
            }
            assertRecovered(load, ELASTICSEARCH, elasticIds);
        }
    }

    @Test
    void redisKilledThenReplacedAndReloaded() throws Exception {
        List<String> redisIds = ids(REDIS);
        try (BackgroundLoad load = BackgroundLoad.start(base, List.of(REDIS, ELASTICSEARCH), 2)) {
            pause(Duration.ofSeconds(1));
            load.takeSeen(REDIS);
            load.takeSeen(ELASTICSEARCH);

            StoresResource.redis().kill();
            pause(Duration.ofSeconds(3));
            assertFailingFast(load.takeSeen(REDIS), REDIS, REDIS_TIMEOUT_MILLIS);
            assertServing(load.takeSeen(ELASTICSEARCH), ELASTICSEARCH);

            // The replacement starts empty: 503 (no catalog) until the job loads it, then 200.
            StoresResource.restartRedis();
            StoresResource.ensureLoaded(Datasets.sample());
            assertRecovered(load, REDIS, redisIds);
            assertServing(load.takeSeen(ELASTICSEARCH), ELASTICSEARCH);
        }
    }
}
