package dev.shoecatalog.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Swagger UI at /docs, the spec at /openapi, request timings at /q/metrics, liveness. */
@QuarkusTest
class DocsAndMetricsTest {

    @Test
    void swaggerUiAndSpecDescribeEveryEndpoint() {
        given().get("/docs/").then().statusCode(200).body(containsString("swagger-ui"));
        given().queryParam("format", "json").get("/openapi").then().statusCode(200)
                .body(containsString("/v1/{store}/shoes/latest"))
                .body(containsString("/v1/{store}/shoes/search"))
                .body(containsString("/v1/{store}/shoes/{id}"))
                .body(containsString("/v1/generations"))
                .body(containsString("/redis_shoes/latest/color"))
                .body(containsString("/elastic_shoes/latest"))
                .body(containsString("application/problem+json"));
    }

    @Test
    void metricsExposeRequestTimings() {
        given().get("/v1/redis/shoes/latest").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/v1/{store}/shoes/latest\""));
    }

    @Test
    void liveness() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
