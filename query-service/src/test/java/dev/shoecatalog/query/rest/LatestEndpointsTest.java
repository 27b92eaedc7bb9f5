package dev.shoecatalog.query.rest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.shoecatalog.model.Colors;
import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;

/** Both stores answer "latest" with the same ids in the same order, as computed from the input. */
@QuarkusTest
@QuarkusTestResource(value = StoresResource.class, restrictToAnnotatedClass = false)
class LatestEndpointsTest {

    static Stream<String> datasets() {
        return Stream.of("sample", "seed");
    }

    private static Path dataset(String which) {
        Path dataset = which.equals("sample") ? Datasets.sample() : Datasets.seed().orElse(null);
        Assumptions.assumeTrue(dataset != null, Datasets.seedMissing());
        return dataset;
    }

    static List<String> latestIds(String store, String color, int n) {
        RequestSpecification request = given().queryParam("n", n);
        if (color != null) {
            request.queryParam("color", color);
        }
        return request.get("/v1/{store}/shoes/latest", store).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void bothStoresReturnTheLatestIdsOfTheInputInTheSameOrder(String which) {
        Path dataset = dataset(which);
        StoresResource.ensureLoaded(dataset);
        ExpectedCatalog expected = ExpectedCatalog.of(dataset);
        List<String> colors = new ArrayList<>(List.of("Red", "dark wine red", "BLACK", "black/red", "Black / Silver",
                "tired", "no such color"));
        colors.addAll(expected.commonColorKeys(15));
        colors.add(null);
        for (String color : colors) {
            List<String> want = expected.latest(color == null ? null : Colors.queryKey(color), 25);
            assertThat(latestIds("redis", color, 25)).as("redis, color %s", color).isEqualTo(want);
            assertThat(latestIds("elasticsearch", color, 25)).as("elasticsearch, color %s", color).isEqualTo(want);
        }
    }

    @Test
    void byIdReturnsTheWholeDocumentDerivedFromTheInputInBothStores() throws Exception {
        StoresResource.ensureLoaded(Datasets.sample());
        ExpectedCatalog expected = ExpectedCatalog.of(Datasets.sample());
        List<String> ids = new ArrayList<>(expected.ids());
        java.util.Collections.shuffle(ids, new java.util.Random(42));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String id : ids.subList(0, 60)) {
            java.util.Map<String, Object> want = document(expected.document(id).orElseThrow());
            for (String store : List.of("redis", "elasticsearch")) {
                String body = given().get("/v1/{store}/shoes/{id}", store, id).then().statusCode(200).extract().asString();
                java.util.Map<String, Object> got = new java.util.TreeMap<>(json.readValue(body, java.util.Map.class));
                got.values().removeIf(java.util.Objects::isNull);
                assertThat(got).as("%s from %s", id, store).isEqualTo(want);
            }
        }
        given().get("/v1/redis/shoes/{id}", "no-such-id").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    /** The API's JSON of an oracle document: the fields of the Shoe schema, absent values left out. */
    private static java.util.Map<String, Object> document(dev.shoecatalog.model.Shoe shoe) {
        java.util.Map<String, Object> fields = new java.util.TreeMap<>();
        fields.put("id", shoe.id());
        fields.put("name", shoe.name());
        fields.put("brand", shoe.brand());
        fields.put("manufacturer", shoe.manufacturer());
        fields.put("categories", shoe.categories());
        fields.put("colors", shoe.colors());
        fields.put("colorKeys", shoe.colorKeys());
        fields.put("dateAdded", shoe.dateAdded() == null ? null : shoe.dateAdded().toString());
        fields.put("dateUpdated", shoe.dateUpdated().toString());
        fields.put("priceMin", shoe.priceMin());
        fields.put("priceMax", shoe.priceMax());
        fields.put("currency", shoe.currency());
        fields.put("sizes", shoe.sizes());
        fields.put("imageUrl", shoe.imageUrl());
        fields.put("sourceUrl", shoe.sourceUrl());
        fields.values().removeIf(java.util.Objects::isNull);
        return fields;
    }

    @Test
    void compatibilityEndpointsAnswerTheOldShape() {
        StoresResource.ensureLoaded(Datasets.sample());
        for (String store : List.of("redis_shoes", "elastic_shoes")) {
            given().contentType("application/json").body("3").post("/" + store + "/latest").then().statusCode(200)
                    .body("size()", equalTo(3)).body("$", everyItem(hasKey("name")))
                    .body("$", everyItem(hasKey("colors"))).body("$", everyItem(hasKey("dateUpdated")));
            given().contentType("application/json").body("{\"n\": 4, \"color\": \"red\"}").post("/" + store + "/latest/color")
                    .then().statusCode(200).body("size()", equalTo(4));
        }
        List<String> redisNames = given().contentType("application/json").body("5").post("/redis_shoes/latest")
                .then().extract().jsonPath().getList("name", String.class);
        List<String> elasticNames = given().contentType("application/json").body("5").post("/elastic_shoes/latest")
                .then().extract().jsonPath().getList("name", String.class);
        assertThat(redisNames).hasSize(5).isEqualTo(elasticNames);
    }

    @Test
    void fewerMatchesThanAskedIsNotAnError() {
        StoresResource.ensureLoaded(Datasets.sample());
        given().contentType("application/json").body("{\"n\": 50, \"color\": \"tired\"}").post("/redis_shoes/latest/color")
                .then().statusCode(200);
        assertThat(latestIds("elasticsearch", "dark wine red", 100)).hasSizeLessThan(100);
    }

    /** Both stores' answers are written by the same code from the same stored form: the same bytes but for the store's name. */
    @Test
    void bothStoresAnswerTheSameBytes() {
        StoresResource.ensureLoaded(Datasets.sample());
        for (String query : List.of("n=100", "n=100&color=red", "n=7&color=black")) {
            String redis = given().get("/v1/redis/shoes/latest?" + query).then().statusCode(200).extract().asString();
            String elastic = given().get("/v1/elasticsearch/shoes/latest?" + query).then().statusCode(200).extract().asString();
            assertThat(redis).isEqualTo(elastic.replace("{\"store\":\"elasticsearch\"", "{\"store\":\"redis\""));
            String body = "{\"n\": 100, \"color\": \"red\"}";
            assertThat(given().contentType("application/json").body(body).post("/redis_shoes/latest/color").then().statusCode(200)
                    .extract().asString()).isEqualTo(given().contentType("application/json").body(body).post("/elastic_shoes/latest/color")
                    .then().statusCode(200).extract().asString());
        }
        String id = given().get("/v1/redis/shoes/latest?n=1").then().extract().jsonPath().getString("items[0].id");
        assertThat(given().get("/v1/redis/shoes/{id}", id).then().statusCode(200).extract().asString())
                .isEqualTo(given().get("/v1/elasticsearch/shoes/{id}", id).then().statusCode(200).extract().asString());
    }
}
