package dev.shoecatalog.query.rest;

import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A Redis catalog without a search index answers search with 501, and everything else as usual. */
@QuarkusTest
class RedisWithoutSearchTest {

    private static void searchIs501(String reason) {
        given().queryParam("q", "boot").get("/v1/redis/shoes/search").then().statusCode(501)
                .contentType("application/problem+json").body("store", equalTo("redis"))
                .body("detail", containsString(reason)).body("detail", containsString("use the elasticsearch store"));
        given().get("/v1/redis/shoes/latest").then().statusCode(200).body("count", equalTo(10));
        given().queryParam("q", "boot").get("/v1/elasticsearch/shoes/search").then().statusCode(200);
    }

    @Test
    void aCatalogLoadedWithTheSearchIndexTurnedOff() {
        StoresResource.load(Datasets.sample(), "--redis-search", "off");
        searchIs501("turned off");
    }

    @Test
    void aServerWithoutTheSearchModule() {
        StoresResource.restartRedisWithoutSearchModule();
        try {
            StoresResource.load(Datasets.sample());
            searchIs501("no search module");
        } finally {
            StoresResource.restartRedis();
            StoresResource.load(Datasets.sample());
        }
    }
}
