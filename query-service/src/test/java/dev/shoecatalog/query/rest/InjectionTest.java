package dev.shoecatalog.query.rest;

import java.util.List;

import dev.shoecatalog.model.Colors;
import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.query.SearchCatalog;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile colors and queries are data: never a 500, never more than the literal value matches, and
 * exactly what the literal value matches where the data has it (the search catalog has a product of
 * each of these colors).
 */
@QuarkusTest
class InjectionTest {

    private static final ExpectedCatalog EXPECTED = SearchCatalog.expected();

    @BeforeEach
    void searchCatalog() {
        StoresResource.ensureLoaded(SearchCatalog.dataset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"red) | @name:(x", "*", "\"", "\\", "{}", "red}|{black", "@colorKeys:{red}", "red*", "-red",
            "' OR 1=1 --", "crème", "红色", "a\u0000b", "%", "red\\", "(", ")", "[0 100]", "~red", "red|black"})
    void hostileColorsMatchExactlyTheLiteralColor(String hostile) {
        String key = Colors.queryKey(hostile);
        List<String> want = EXPECTED.latest(key, 100);
        if (SearchCatalog.SYNTAX_COLORS.contains(hostile)) {
            assertThat(want).as("the catalog has a shoe of color %s", hostile).isNotEmpty();
        }
        for (String store : List.of("redis", "elasticsearch")) {
            var response = given().queryParam("color", hostile).queryParam("n", 100).get("/v1/{store}/shoes/latest", store);
            if (hostile.chars().anyMatch(Character::isISOControl)) {
                response.then().statusCode(400).body("parameter", org.hamcrest.Matchers.equalTo("color"));
                continue;
            }
            List<String> ids = response.then().statusCode(200).extract().jsonPath().getList("items.id");
            assertThat(ids).as("%s on %s", hostile, store).isEqualTo(want);
            List<String> searched = given().queryParam("color", hostile).queryParam("n", 100).get("/v1/{store}/shoes/search", store)
                    .then().statusCode(200).extract().jsonPath().getList("items.id");
            assertThat(searched).as("search %s on %s", hostile, store).isEqualTo(EXPECTED.search(null, null, hostile, null, null)
                    .subList(0, Math.min(100, EXPECTED.search(null, null, hostile, null, null).size())));
            given().queryParam("color", hostile).queryParam("q", hostile).queryParam("brand", hostile)
                    .get("/v1/{store}/shoes/search", store).then().statusCode(org.hamcrest.Matchers.lessThan(500));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"red) | @name:(x", "*", "\"boot", "\\", "@name:boot", "boot | *", "-boot", "boot*"})
    void hostileQueriesMatchOnlyTheirWords(String hostile) {
        int all = EXPECTED.ids().size();
        int want = EXPECTED.search(hostile, null, null, null, null).size();
        assertThat(want).isLessThan(all);
        for (String store : List.of("redis", "elasticsearch")) {
            int total = given().queryParam("q", hostile).get("/v1/{store}/shoes/search", store).then().statusCode(200)
                    .extract().path("total");
            assertThat(total).as("%s on %s", hostile, store).isEqualTo(want);
        }
    }
}
