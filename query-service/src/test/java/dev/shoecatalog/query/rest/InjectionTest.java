package dev.shoecatalog.query.rest;

import java.util.List;
import java.util.Map;

import dev.shoecatalog.model.Colors;
import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile colors and queries are data: never a 500, never more than the literal value matches. */
@QuarkusTest
class InjectionTest {

    @BeforeEach
    void sample() {
        StoresResource.ensureLoaded(Datasets.sample());
    }

    @ParameterizedTest
    @ValueSource(strings = {"red) | @name:(x", "*", "\"", "\\", "{}", "red}|{black", "@colorKeys:{red}", "red*", "-red",
            "' OR 1=1 --", "crème", "红色", "a\u0000b", "%", "red\\", "(", ")", "[0 100]", "~red", "red|black"})
    @SuppressWarnings("unchecked")
    void hostileColorsMatchOnlyTheLiteralColor(String hostile) {
        String key = Colors.queryKey(hostile);
        for (String store : List.of("redis", "elasticsearch")) {
            var response = given().queryParam("color", hostile).queryParam("n", 100).get("/v1/{store}/shoes/latest", store);
            if (hostile.chars().anyMatch(Character::isISOControl)) {
                response.then().statusCode(400).body("parameter", org.hamcrest.Matchers.equalTo("color"));
                continue;
            }
            List<Map<String, Object>> items = response.then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(items).allSatisfy(item -> assertThat((List<Object>) item.get("colorKeys")).contains((Object) key));
            given().queryParam("color", hostile).queryParam("q", hostile).queryParam("brand", hostile)
                    .get("/v1/{store}/shoes/search", store).then().statusCode(org.hamcrest.Matchers.lessThan(500));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"red) | @name:(x", "*", "\"boot", "\\", "@name:boot", "boot | *", "-boot", "boot*"})
    void hostileQueriesNeverMatchEverything(String hostile) {
        int all = given().queryParam("n", 1).get("/v1/elasticsearch/shoes/search").then().statusCode(200)
                .extract().path("total");
        for (String store : List.of("redis", "elasticsearch")) {
            int total = given().queryParam("q", hostile).get("/v1/{store}/shoes/search", store).then().statusCode(200)
                    .extract().path("total");
            assertThat(total).as("%s on %s", hostile, store).isLessThan(all);
        }
    }
}
