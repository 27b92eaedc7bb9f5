package dev.shoecatalog.query.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Filtered search in both stores: same matches for exact filters, newest first, complete pagination. */
@QuarkusTest
class SearchTest {

    private static final List<String> STORES = List.of("redis", "elasticsearch");

    @BeforeEach
    void sample() {
        StoresResource.ensureLoaded(Datasets.sample());
    }

    private static JsonPath search(String store, Map<String, ?> params) {
        return given().queryParams(params).get("/v1/{store}/shoes/search", store).then().statusCode(200).extract().jsonPath();
    }

    /** Every page of a search, following nextCursor. */
    private static List<Map<String, Object>> allPages(String store, Map<String, Object> params) {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> page = new java.util.HashMap<>(params);
        page.put("n", 7);
        for (int pages = 0; pages < 500; pages++) {
            JsonPath result = search(store, page);
            items.addAll(result.getList("items"));
            String next = result.getString("nextCursor");
            if (next == null) {
                return items;
            }
            page.put("cursor", next);
        }
        throw new AssertionError("pagination did not end");
    }

    private static Set<Object> ids(List<Map<String, Object>> items) {
        Set<Object> ids = new HashSet<>();
        items.forEach(item -> assertThat(ids.add(item.get("id"))).as("duplicate %s", item.get("id")).isTrue());
        return ids;
    }

    private static void newestFirst(List<Map<String, Object>> items) {
        for (int i = 1; i < items.size(); i++) {
            Instant before = Instant.parse((String) items.get(i - 1).get("dateUpdated"));
            Instant after = Instant.parse((String) items.get(i).get("dateUpdated"));
            assertThat(before).isAfterOrEqualTo(after);
        }
    }

    @Test
    void colorSearchPagesThroughExactlyTheProductsOfThatColor() {
        int expected = ExpectedCatalog.of(Datasets.sample()).latest("black", Integer.MAX_VALUE).size();
        for (String store : STORES) {
            List<Map<String, Object>> items = allPages(store, Map.of("color", "Black"));
            assertThat(ids(items)).as(store).hasSize(expected);
            newestFirst(items);
            assertThat(search(store, Map.of("color", "Black")).getInt("total")).isEqualTo(expected);
        }
    }

    @Test
    void exactFiltersMatchTheSameProductsInBothStores() {
        Map<String, Object> filters = Map.of("brand", "sorel", "minPrice", 20, "maxPrice", 120);
        List<Map<String, Object>> redis = allPages("redis", filters);
        List<Map<String, Object>> elastic = allPages("elasticsearch", filters);
        assertThat(redis).isNotEmpty();
        assertThat(ids(redis)).isEqualTo(ids(elastic));
        assertThat(redis).allSatisfy(item -> {
            assertThat(((String) item.get("brand")).toLowerCase(Locale.ROOT)).isEqualTo("sorel");
            assertThat(((Number) item.get("priceMin")).doubleValue()).isBetween(20.0, 120.0);
        });
    }

    @Test
    void wordsOfTheNameNarrowTheSearch() {
        for (String store : STORES) {
            List<Map<String, Object>> items = allPages(store, Map.of("q", "Riding BOOT"));
            assertThat(items).as(store).isNotEmpty().allSatisfy(item -> assertThat(((String) item.get("name")).toLowerCase(Locale.ROOT))
                    .contains("riding").contains("boot"));
            newestFirst(items);
        }
    }
}
