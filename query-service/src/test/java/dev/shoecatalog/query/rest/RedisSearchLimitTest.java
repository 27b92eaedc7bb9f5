package dev.shoecatalog.query.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis searches beyond the per-instance limit (4 by default) are answered 503 with Retry-After at
 * once instead of queueing in Redis; Elasticsearch searches are not limited.
 */
@QuarkusTest
class RedisSearchLimitTest {

    @Test
    void searchesBeyondTheLimitGet503WithRetryAfter() throws Exception {
        StoresResource.ensureLoaded(Datasets.sample());
        StoresResource.redisLink().delay(Duration.ofMillis(300)); // each Redis search now takes 0.6 s (two round trips)
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(clients.submit(() -> given().queryParam("color", "black").get("/v1/redis/shoes/search")));
            }
            int ok = 0;
            int busy = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 200) {
                    ok++;
                } else {
                    assertThat(response.statusCode()).isEqualTo(503);
                    assertThat(response.header("Retry-After")).isEqualTo("1");
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("detail")).contains("max-concurrent-searches");
                    busy++;
                }
            }
            assertThat(ok).as("searches within the limit").isBetween(4, 11);
            assertThat(busy).as("searches beyond it").isPositive();
        } finally {
            StoresResource.redisLink().delay(Duration.ZERO);
            clients.shutdownNow();
        }
        given().queryParam("color", "black").get("/v1/redis/shoes/search").then().statusCode(200);
    }
}
