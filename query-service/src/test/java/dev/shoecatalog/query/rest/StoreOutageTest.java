package dev.shoecatalog.query.rest;

import dev.shoecatalog.query.Management;
import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * One store down: its endpoints answer 503 quickly, the other store's keep working, the instance stays
 * ready (it can serve), and both recover. Both down: not ready, but alive and Swagger UI still answers.
 */
@QuarkusTest
class StoreOutageTest {

    private static void readiness(int status, String redis, String elasticsearch) {
        Management.given().get("/q/health/ready").then().statusCode(status)
                .body("checks.find { it.name == 'catalog' }.data.'redis.state'", equalTo(redis))
                .body("checks.find { it.name == 'catalog' }.data.'elasticsearch.state'", equalTo(elasticsearch));
    }

    @Test
    void redisDownThenBack() {
        StoresResource.ensureLoaded(Datasets.sample());
        StoresResource.redis().close();
        try {
            given().get("/v1/redis/shoes/latest").then().statusCode(503).contentType("application/problem+json")
                    .body("store", equalTo("redis")).time(lessThan(5000L));
            given().contentType("application/json").body("3").post("/redis_shoes/latest").then().statusCode(503);
            given().get("/v1/elasticsearch/shoes/latest").then().statusCode(200).body("count", equalTo(10));
            given().contentType("application/json").body("3").post("/elastic_shoes/latest").then().statusCode(200);
            readiness(200, "unreachable", "serving");
            given().get("/v1/generations").then().statusCode(200).body("stores.redis.available", equalTo(false))
                    .body("stores.elasticsearch.available", equalTo(true));
        } finally {
            StoresResource.restartRedis();
        }
        // An empty Redis is up but has no catalog until the next load; then it serves again, with no service restart.
        given().get("/v1/redis/shoes/latest").then().statusCode(503).body("detail", org.hamcrest.Matchers.containsString("no catalog"));
        readiness(200, "no catalog yet", "serving");
        StoresResource.ensureLoaded(Datasets.sample());
        given().get("/v1/redis/shoes/latest").then().statusCode(200).body("count", equalTo(10));
        readiness(200, "serving", "serving");
        Management.given().get("/q/health/ready").then().body("checks.find { it.name == 'catalog' }.data.'redis.products'",
                equalTo(ExpectedCatalog.of(Datasets.sample()).ids().size()));
    }

    @Test
    void elasticsearchDownThenBack() {
        StoresResource.ensureLoaded(Datasets.sample());
        StoresResource.elasticsearch().stop();
        try {
            given().get("/v1/elasticsearch/shoes/latest").then().statusCode(503).contentType("application/problem+json")
                    .body("store", equalTo("elasticsearch")).time(lessThan(5000L));
            given().queryParam("q", "boot").get("/v1/elasticsearch/shoes/search").then().statusCode(503);
            given().get("/v1/redis/shoes/latest").then().statusCode(200).body("count", equalTo(10));
            readiness(200, "serving", "unreachable");
        } finally {
            StoresResource.elasticsearch().restart();
        }
        given().get("/v1/elasticsearch/shoes/latest").then().statusCode(200).body("count", equalTo(10));
        readiness(200, "serving", "serving");
    }

    @Test
    void bothDownIsNotReadyButAliveAndTheDocsStillAnswer() {
        StoresResource.ensureLoaded(Datasets.sample());
        StoresResource.disconnectBoth();
        try {
            readiness(503, "unreachable", "unreachable");
            Management.given().get("/q/health/live").then().statusCode(200);
            given().get("/docs/").then().statusCode(200);
            given().get("/openapi").then().statusCode(200);
            given().get("/v1/redis/shoes/latest").then().statusCode(503).body("store", equalTo("redis"));
            given().get("/v1/elasticsearch/shoes/latest").then().statusCode(503).body("store", equalTo("elasticsearch"));
        } finally {
            StoresResource.reconnect();
        }
        readiness(200, "serving", "serving");
    }
}
