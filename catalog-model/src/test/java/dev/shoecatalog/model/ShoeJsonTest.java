package dev.shoecatalog.model;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShoeJsonTest {

    private static final Shoe FULL = new Shoe("AVpf-1", "Go Walk \"Joy\" \\ 7\u00bd", "Skechers", "skechers", "Skechers USA",
            List.of("Shoes", "Womens Shoes"), List.of("Black/Red", "Dark Wine Red"), List.of("black", "black/red", "red"),
            Instant.parse("2017-06-01T10:00:00.500Z"), Instant.parse("2019-05-01T09:27:22Z"), 29.95, 49.0, "USD",
            List.of("7", "7.5"), "https://img.example/1.jpg", null);

    @Test
    void decodesWhatItEncodes() {
        assertThat(ShoeJson.decode(ShoeJson.encode(FULL))).isEqualTo(FULL);
        assertThat(ShoeJson.id(ShoeJson.encode(FULL))).isEqualTo("AVpf-1");
    }

    @Test
    void anAnswerObjectHasEveryFieldInOrderWithNullsAndNoSpaces() {
        String object = ShoeJson.appendObject(ShoeJson.encode(FULL), new StringBuilder()).toString();
        assertThat(object).isEqualTo("{\"id\":\"AVpf-1\",\"name\":\"Go Walk \\\"Joy\\\" \\\\ 7\u00bd\",\"brand\":\"Skechers\","
                + "\"manufacturer\":\"Skechers USA\",\"categories\":[\"Shoes\",\"Womens Shoes\"],\"colors\":[\"Black/Red\",\"Dark Wine Red\"],"
                + "\"colorKeys\":[\"black\",\"black/red\",\"red\"],\"dateAdded\":\"2017-06-01T10:00:00.500Z\","
                + "\"dateUpdated\":\"2019-05-01T09:27:22Z\",\"priceMin\":29.95,\"priceMax\":49.0,\"currency\":\"USD\","
                + "\"sizes\":[\"7\",\"7.5\"],\"imageUrl\":\"https://img.example/1.jpg\",\"sourceUrl\":null}");
    }

    @Test
    void theLegacyItemJoinsTheColorsIntoOneString() {
        String legacy = ShoeJson.appendLegacyObject(ShoeJson.encode(FULL), new StringBuilder()).toString();
        assertThat(legacy).isEqualTo("{\"name\":\"Go Walk \\\"Joy\\\" \\\\ 7\u00bd\",\"colors\":\"Black/Red,Dark Wine Red\","
                + "\"dateUpdated\":\"2019-05-01T09:27:22Z\"}");
        Shoe noColors = new Shoe("x", "n", null, null, null, null, List.of(), List.of(), null, Instant.EPOCH, null, null, null, null, null, null);
        assertThat(ShoeJson.appendLegacyObject(ShoeJson.encode(noColors), new StringBuilder()).toString())
                .isEqualTo("{\"name\":\"n\",\"colors\":\"\",\"dateUpdated\":\"1970-01-01T00:00:00Z\"}");
    }

    @Test
    void controlCharactersAreEscapedAsJacksonEscapesThem() {
        Shoe hostile = new Shoe("a\u0000b", "tab\there\nnew\rline\f\b\u001f\u007f", null, null, null, null, List.of("q\"uote"), null,
                null, Instant.EPOCH, null, null, null, null, null, null);
        String stored = ShoeJson.encode(hostile);
        assertThat(stored).startsWith("[\"a\\u0000b\",\"tab\\there\\nnew\\rline\\f\\b\\u001F\u007f\",null,null,[],[\"q\\\"uote\"]");
        assertThat(ShoeJson.decode(stored)).isEqualTo(hostile);
    }

    @Test
    void refusesWhatIsNotAStoredShoe() {
        assertThatThrownBy(() -> ShoeJson.decode("[\"only\",\"two\"]")).isInstanceOf(RuntimeException.class);
    }
}
