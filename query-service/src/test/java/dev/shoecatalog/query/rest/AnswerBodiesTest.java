package dev.shoecatalog.query.rest;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.query.store.StoredShoe;
import dev.shoecatalog.testsupport.Datasets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers are written from the stored form by copying ({@link AnswerBodies}), not by Jackson: every byte
 * must still be what the service's Jackson writes for the documented shapes.
 */
@QuarkusTest
@QuarkusTestResource(value = StoresResource.class, restrictToAnnotatedClass = false)
class AnswerBodiesTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void everyAnswerIsWhatJacksonWritesForItsShape() throws Exception {
        StoresResource.ensureLoaded(Datasets.sample());
        for (String store : List.of("redis", "elasticsearch")) {
            for (String query : List.of("n=100", "n=100&color=red", "n=7&color=black")) {
                String list = given().get("/v1/{store}/shoes/latest?" + query, store).then().statusCode(200).extract().asString();
                assertThat(list).isEqualTo(mapper.writeValueAsString(mapper.readValue(list, ShoeList.class)));
            }
            String page = given().get("/v1/{store}/shoes/search?q=women&n=5", store).then().statusCode(200).extract().asString();
            assertThat(page).isEqualTo(mapper.writeValueAsString(mapper.readValue(page, SearchResult.class)));
            String id = mapper.readValue(page, SearchResult.class).items().get(0).id();
            String one = given().get("/v1/{store}/shoes/{id}", store, id).then().statusCode(200).extract().asString();
            assertThat(one).isEqualTo(mapper.writeValueAsString(mapper.readValue(one, ShoeView.class)));
        }
        for (String old : List.of("redis_shoes", "elastic_shoes")) {
            String legacy = given().contentType("application/json").body("{\"n\": 100, \"color\": \"red\"}")
                    .post("/" + old + "/latest/color").then().statusCode(200).extract().asString();
            assertThat(legacy).isEqualTo(mapper.writeValueAsString(mapper.readValue(legacy, LegacyShoe[].class)));
        }
    }

    @Test
    void storedShoesAreCopiedOutAsJacksonWritesThemWhateverTheirCharacters() throws Exception {
        Shoe hostile = new Shoe("id\u0001\"</script>", "tab\there \u2028 \uD83D\uDC5F \\", "Caf\u00e9", "caf\u00e9", null,
                List.of("a\nb"), List.of("Red\u007f", "\u001f"), List.of("red"), null,
                java.time.Instant.parse("2019-04-25T12:35:00.123456Z"), 1.0E7, 0.1, null, List.of(), "\r", "\b\f");
        StoredShoe stored = StoredShoe.of(hostile);
        assertThat(AnswerBodies.shoe(stored)).isEqualTo(mapper.writeValueAsString(ShoeView.of(hostile)));
        assertThat(AnswerBodies.legacyList(List.of(stored))).isEqualTo(mapper.writeValueAsString(LegacyShoe.of(List.of(hostile))));
    }
}
