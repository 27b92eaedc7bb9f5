package dev.shoecatalog.query.store;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchLatestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void asksForTheNewestWithoutCounting() throws Exception {
        JsonNode body = JSON.readTree(ElasticsearchLatest.body(7, Optional.empty()));
        assertThat(body.path("size").asInt()).isEqualTo(7);
        assertThat(body.path("track_total_hits").asBoolean(true)).isFalse();
        assertThat(body.path("sort").toString()).isEqualTo("[{\"dateUpdated\":{\"order\":\"desc\"}},{\"id\":{\"order\":\"desc\"}}]");
        assertThat(body.has("query")).isFalse();
    }

    @Test
    void filtersOnTheColorKeyAsOneExactTermWhateverItHolds() throws Exception {
        String key = "dark \"wine\" red\\ \u00e9\u0001";
        JsonNode body = JSON.readTree(ElasticsearchLatest.body(10, Optional.of(key)));
        JsonNode filters = body.path("query").path("bool").path("filter");
        assertThat(filters.size()).isEqualTo(1);
        assertThat(filters.get(0).path("term").path("colorKeys").asText()).isEqualTo(key);
        assertThat(body.path("size").asInt()).isEqualTo(10);
    }
}
