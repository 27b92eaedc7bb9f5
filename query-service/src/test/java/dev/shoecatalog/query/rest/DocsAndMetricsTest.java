package dev.shoecatalog.query.rest;

import dev.shoecatalog.query.Management;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Swagger UI at /docs, the spec at /openapi; request timings at /q/metrics and liveness on the management port. */
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
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/v1/{store}/shoes/latest\""));
    }

    @Test
    void metricsCountRequestsPerStoreAndEndpointAndTellTheAgeOfEachStoresGeneration() throws Exception {
        dev.shoecatalog.query.StoresResource.ensureLoaded(dev.shoecatalog.testsupport.Datasets.sample());
        given().get("/v1/redis/shoes/latest").then().statusCode(200);
        given().get("/v1/elasticsearch/shoes/latest").then().statusCode(200);
        given().contentType("application/json").body("3").post("/elastic_shoes/latest").then().statusCode(200);
        given().get("/v1/redis/shoes/{id}", "no-such-id").then().statusCode(404);
        given().get("/v1/generations").then().statusCode(200)
                .body("stores.redis.loadedAt", org.hamcrest.Matchers.notNullValue())
                .body("stores.elasticsearch.loadedAt", org.hamcrest.Matchers.notNullValue());
        Thread.sleep(16_000); // the generation gauges are read from the stores every 15 s
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics)
                .containsPattern("shoes_requests_seconds_count\\{[^}]*endpoint=\"latest\"[^}]*status=\"2xx\"[^}]*store=\"redis\"")
                .containsPattern("shoes_requests_seconds_count\\{[^}]*endpoint=\"latest\"[^}]*store=\"elasticsearch\"")
                .containsPattern("shoes_requests_seconds_count\\{[^}]*endpoint=\"legacy-latest\"[^}]*store=\"elasticsearch\"")
                .containsPattern("shoes_requests_seconds_count\\{[^}]*endpoint=\"by-id\"[^}]*status=\"4xx\"[^}]*store=\"redis\"")
                .contains("shoes_requests_seconds_bucket");
        for (String store : java.util.List.of("redis", "elasticsearch")) {
            java.util.regex.Matcher age = java.util.regex.Pattern
                    .compile("shoes_catalog_generation_age_seconds\\{[^}]*store=\"" + store + "\"[^}]*\\} (\\S+)").matcher(metrics);
            org.assertj.core.api.Assertions.assertThat(age.find()).as(store).isTrue();
            // Loaded by this test run: seconds or minutes ago, not NaN, not in the future.
            org.assertj.core.api.Assertions.assertThat(Double.parseDouble(age.group(1))).as(store).isBetween(0.0, 3600.0);
        }
    }

    @Test
    void livenessOnTheManagementPort() {
        Management.given().get("/q/health/live").then().statusCode(200);
    }

    /** The public port serves the API and its documentation only. */
    @Test
    void thePublicPortServesNeitherHealthNorMetrics() {
        for (String path : java.util.List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            given().get(path).then().statusCode(404);
        }
    }
}
