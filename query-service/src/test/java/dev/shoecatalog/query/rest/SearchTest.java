package dev.shoecatalog.query.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.shoecatalog.query.SearchCatalog;
import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Search in each store against an oracle computed from the input files (not store against store):
 * every page of every result, in order, with no repeat, no gap and the same total on every page;
 * cursors pinned to the generation of their first page, refused when they are not this search's.
 */
@QuarkusTest
class SearchTest {

    private static final List<String> STORES = List.of("redis", "elasticsearch");
    private static final ExpectedCatalog EXPECTED = SearchCatalog.expected();

    @BeforeEach
    void searchCatalog() {
        StoresResource.ensureLoaded(SearchCatalog.dataset());
    }

    /** A search and its filters, as given to the API and to the oracle. */
    record Search(String q, String brand, String color, Double minPrice, Double maxPrice) {
        Map<String, Object> params() {
            Map<String, Object> params = new HashMap<>();
            if (q != null) {
                params.put("q", q);
            }
            if (brand != null) {
                params.put("brand", brand);
            }
            if (color != null) {
                params.put("color", color);
            }
            if (minPrice != null) {
                params.put("minPrice", minPrice);
            }
            if (maxPrice != null) {
                params.put("maxPrice", maxPrice);
            }
            return params;
        }

        List<String> expected() {
            return EXPECTED.search(q, brand, color, minPrice, maxPrice);
        }

        @Override
        public String toString() {
            return params().toString();
        }
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                new Search("boots", null, null, null, null), // plural: never stemmed to "boot"
                new Search("boot", null, null, null, null),
                new Search("slip on", null, null, null, null), // "on" is no stop word
                new Search("the", null, null, null, null),
                new Search("women", null, null, null, null), // "Women's" has the word "women"
                new Search("women's riding", null, null, null, null),
                new Search(null, SearchCatalog.COMMA_BRAND, null, null, null), // a comma in a brand splits nothing
                new Search(null, "nine west", null, null, null),
                new Search(null, null, "Black", null, null),
                new Search(null, null, "red", null, null),
                new Search(null, null, null, 20.0, 60.0),
                new Search("boot", null, "black", null, 120.0),
                new Search("tie shoe", "tie co", "green", 15.0, 15.0), // ten products updated at the same millisecond
                new Search("zzzz-no-such-word", null, null, null, null),
                new Search(null, null, null, null, null)
        ).flatMap(search -> STORES.stream().map(store -> Arguments.of(store, search)));
    }

    private static JsonPath search(String store, Map<String, ?> params) {
        return given().queryParams(params).get("/v1/{store}/shoes/search", store).then().statusCode(200).extract().jsonPath();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("searches")
    void everyPageOfEachStoreIsTheOraclesAnswerInOrder(String store, Search search) {
        List<String> expected = search.expected();
        int n = expected.size() > 200 ? 100 : 3;
        Map<String, Object> params = new HashMap<>(search.params());
        params.put("n", n);
        List<String> served = new ArrayList<>();
        for (int pages = 0; ; pages++) {
            assertThat(pages).as("pages").isLessThanOrEqualTo(expected.size() / n + 1);
            JsonPath page = search(store, params);
            assertThat(page.getLong("total")).as("total on page %d", pages).isEqualTo(expected.size());
            List<String> ids = page.getList("items.id");
            assertThat(ids.size()).isLessThanOrEqualTo(n);
            served.addAll(ids);
            String next = page.getString("nextCursor");
            if (next == null) {
                break;
            }
            params.put("cursor", next);
        }
        assertThat(served).isEqualTo(expected);
    }

    @Test
    void theSearchCasesAreInTheOracle() {
        // Guards the test data itself: each case above must have matches where it says so.
        assertThat(new Search("boots", null, null, null, null).expected()).contains("case-stop");
        assertThat(new Search("boot", null, null, null, null).expected()).contains("case-nine").doesNotContain("case-stop");
        assertThat(new Search("slip on", null, null, null, null).expected()).contains("case-comma-1");
        assertThat(new Search(null, SearchCatalog.COMMA_BRAND, null, null, null).expected())
                .containsExactly("case-comma-2", "case-comma-1");
        assertThat(new Search("tie shoe", "tie co", "green", 15.0, 15.0).expected()).hasSize(10).startsWith("case-tie-j");
    }

    @Test
    void laterPagesStayOnTheFirstPagesGenerationUntilItIsGone() {
        Search search = new Search(null, null, "black", null, null);
        List<String> expected = search.expected();
        Map<String, Map<String, Object>> params = new HashMap<>();
        Map<String, List<String>> served = new HashMap<>();
        for (String store : STORES) {
            params.put(store, new HashMap<>(search.params()));
            params.get(store).put("n", 5);
            JsonPath first = search(store, params.get(store));
            served.put(store, new ArrayList<>(first.getList("items.id")));
            params.get(store).put("cursor", first.getString("nextCursor"));
            params.get(store).put("n", 100);
        }

        StoresResource.load(Datasets.sample()); // a reload: the first page's generation is kept for rollback
        for (String store : STORES) {
            JsonPath rest = search(store, params.get(store));
            assertThat(rest.getLong("total")).as(store).isEqualTo(expected.size());
            served.get(store).addAll(rest.getList("items.id"));
            assertThat(served.get(store)).as(store).isEqualTo(expected.subList(0, Math.min(expected.size(), 105)));
        }

        StoresResource.load(Datasets.sample()); // a second reload drops it
        for (String store : STORES) {
            given().queryParams(params.get(store)).get("/v1/{store}/shoes/search", store).then().statusCode(410)
                    .contentType("application/problem+json").body("parameter", equalTo("cursor"))
                    .body("detail", containsString("start the search again"));
        }
    }

    @Test
    void aCursorOfAnotherStoreAnotherSearchOrGarbledIs400NamingCursor() {
        Map<String, Object> black = Map.of("color", "black", "n", 2);
        for (String store : STORES) {
            String other = store.equals("redis") ? "elasticsearch" : "redis";
            String cursor = search(store, black).getString("nextCursor");
            String garbled = cursor.substring(0, cursor.length() - 3) + "AAA";
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("c1|" + store + "|1|5|0000000000000000|" + "9".repeat(900)).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, Map<String, ?>> bad : Map.<String, Map<String, ?>>of(
                    "another store's", Map.of("color", "black", "n", 2, "cursor", search(other, black).getString("nextCursor")),
                    "another search's", Map.of("color", "red", "n", 2, "cursor", cursor),
                    "garbled", Map.of("color", "black", "n", 2, "cursor", garbled),
                    "not base64", Map.of("color", "black", "n", 2, "cursor", "%%%"),
                    "too long", Map.of("color", "black", "n", 2, "cursor", forged)).entrySet()) {
                given().queryParams(bad.getValue()).get("/v1/{store}/shoes/search", store).then().statusCode(400)
                        .contentType("application/problem+json").body("parameter", equalTo("cursor"));
            }
        }
    }
}
