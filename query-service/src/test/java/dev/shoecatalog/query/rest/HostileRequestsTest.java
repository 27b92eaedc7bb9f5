package dev.shoecatalog.query.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Requests a client should never send, from out-of-range numbers to oversized and deeply nested
 * bodies: each gets a 4xx problem answer (naming the parameter where there is one), never a 5xx,
 * and the service keeps answering normal requests afterwards.
 */
@QuarkusTest
class HostileRequestsTest {

    private static final List<String> STORES = List.of("redis", "elasticsearch");

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void sample() {
        StoresResource.ensureLoaded(Datasets.sample());
    }

    private static void problem(Response response, int status, String parameter) {
        response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (parameter != null) {
            response.then().body("parameter", equalTo(parameter));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649", "99999999999999999999", "1e3", "0x10", " 5", "5 ", "+", "NaN", "٣"})
    void numbersOutOfRangeOrNotPlainIntegers(String n) {
        for (String store : STORES) {
            problem(given().queryParam("n", n).get("/v1/{store}/shoes/latest", store), 400, "n");
            problem(given().queryParam("n", n).get("/v1/{store}/shoes/search", store), 400, "n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e309", "1,5", "0x1p3", "abc"})
    void pricesThatAreNotFiniteNumbers(String price) {
        for (String store : STORES) {
            problem(given().queryParam("minPrice", price).get("/v1/{store}/shoes/search", store), 400, "minPrice");
            problem(given().queryParam("maxPrice", price).get("/v1/{store}/shoes/search", store), 400, "maxPrice");
        }
    }

    @Test
    void aParameterGivenTwiceIsAmbiguous() {
        for (String store : STORES) {
            problem(given().queryParam("n", 5, 7).get("/v1/{store}/shoes/latest", store), 400, "n");
            problem(given().queryParam("color", "red", "black").get("/v1/{store}/shoes/latest", store), 400, "color");
            problem(given().queryParam("q", "boot", "shoe").get("/v1/{store}/shoes/search", store), 400, "q");
        }
    }

    @Test
    void missingParametersTakeTheirDefaults() {
        for (String store : STORES) {
            given().get("/v1/{store}/shoes/latest", store).then().statusCode(200).body("count", equalTo(10));
            given().get("/v1/{store}/shoes/search", store).then().statusCode(200);
        }
    }

    @Test
    void hostileIdsAreNotFound() {
        for (String store : STORES) {
            for (String id : List.of("*", "..%2F..%2Fetc%2Fpasswd", "shoes:current", "%00", "x".repeat(1000), "a%20b", "%7Bg%7D")) {
                given().urlEncodingEnabled(false).get("/v1/" + store + "/shoes/" + id).then()
                        .statusCode(org.hamcrest.Matchers.either(equalTo(404)).or(equalTo(400)))
                        .contentType("application/problem+json");
            }
            given().get("/v1/" + store + "/shoes/" + "x".repeat(10_000)).then().statusCode(414);
        }
    }

    @Test
    void anOverlongUrlIsRefusedBeforeItReachesTheStores() {
        given().queryParam("q", "boot".repeat(20_000)).get("/v1/elasticsearch/shoes/search").then()
                .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(org.hamcrest.Matchers.lessThan(500)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "5.5", "-1", "[]", "{}", "{\"n\": \"5\"}", "{\"n\": 5, \"color\": 42}", "{\"n\": 1e400}",
            "{\"n\": 5, \"color\": {\"$ne\": null}}", "\"\\u0000\"", "{\"n\":5,\"n\":6,\"color\":\"red\"}"})
    void legacyBodiesThatAreNotWhatTheOldApiTook(String body) {
        for (String path : List.of("/redis_shoes/latest", "/elastic_shoes/latest", "/redis_shoes/latest/color", "/elastic_shoes/latest/color")) {
            given().contentType("application/json").body(body).post(path).then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }

    /**
     * Sent without RestAssured, which would try to pretty-print such bodies when an assertion fails.
     * {@code Expect: 100-continue}: the service refuses a body over its limit from the declared length,
     * before any of it is sent; without it, the client may still be sending when the service has
     * answered and closed, and whether it then reads the answer is a matter of timing.
     */
    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deeplyNestedAndOversizedBodies() throws Exception {
        HttpResponse<String> nested = post("/redis_shoes/latest", "application/json", "[".repeat(100_000) + "]".repeat(100_000));
        assertThat(nested.statusCode()).as(nested.headers() + " " + nested.body()).isEqualTo(400);
        assertThat(nested.headers().firstValue("Content-Type")).as(nested.headers() + " " + nested.body()).hasValue("application/problem+json");
        assertThat(nested.body()).hasSizeLessThan(2_000);

        HttpResponse<String> huge = post("/elastic_shoes/latest/color", "application/json",
                "{\"n\": 5, \"color\": \"" + "r".repeat(11 * 1024 * 1024) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);

        problem(given().contentType("text/plain").body("5").post("/redis_shoes/latest"), 415, null);
        given().contentType("application/json").body("3").post("/redis_shoes/latest").then().statusCode(200);
        given().contentType("application/json").body("\"3\"").post("/redis_shoes/latest").then().statusCode(200);
    }
}
