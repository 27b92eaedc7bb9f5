package dev.shoecatalog.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Bad requests get 400 problem details naming the parameter. */
@QuarkusTest
class ValidationTest {

    private static void badParameter(io.restassured.response.Response response, String parameter) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("parameter", equalTo(parameter)).body("detail", containsString(parameter));
    }

    @Test
    void nOutOfRangeOrNotANumber() {
        badParameter(given().queryParam("n", 0).get("/v1/redis/shoes/latest"), "n");
        badParameter(given().queryParam("n", 101).get("/v1/elasticsearch/shoes/latest"), "n");
        badParameter(given().queryParam("n", -5).get("/v1/redis/shoes/search"), "n");
        given().queryParam("n", "ten").get("/v1/redis/shoes/latest").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownStore() {
        badParameter(given().get("/v1/mongodb/shoes/latest"), "store");
    }

    @Test
    void blankOrOverlongText() {
        badParameter(given().queryParam("color", "  ").get("/v1/redis/shoes/latest"), "color");
        badParameter(given().queryParam("q", "x".repeat(201)).get("/v1/elasticsearch/shoes/search"), "q");
    }

    @Test
    void pricesAndCursor() {
        badParameter(given().queryParam("minPrice", 50).queryParam("maxPrice", 10).get("/v1/redis/shoes/search"), "minPrice");
        badParameter(given().queryParam("minPrice", -1).get("/v1/elasticsearch/shoes/search"), "minPrice");
        badParameter(given().queryParam("cursor", "not-a-cursor").get("/v1/redis/shoes/search"), "cursor");
        badParameter(given().queryParam("cursor", "not-a-cursor").get("/v1/elasticsearch/shoes/search"), "cursor");
    }

    @Test
    void compatibilityBodies() {
        badParameter(given().contentType("application/json").body("1000").post("/redis_shoes/latest"), "n");
        badParameter(given().contentType("application/json").body("{\"n\": 5}").post("/elastic_shoes/latest/color"), "color");
        badParameter(given().contentType("application/json").body("{\"color\": \"red\"}").post("/redis_shoes/latest/color"), "n");
        given().contentType("application/json").body("{not json").post("/redis_shoes/latest/color").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
