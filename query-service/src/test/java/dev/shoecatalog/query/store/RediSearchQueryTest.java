package dev.shoecatalog.query.store;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RediSearchQueryTest {

    private static SearchQuery query(String text, String brand, String color, Double min, Double max) {
        return new SearchQuery(Optional.ofNullable(text), Optional.ofNullable(brand), Optional.ofNullable(color),
                Optional.ofNullable(min), Optional.ofNullable(max), 10, Optional.empty());
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(RediSearchQuery.of(query(null, null, null, null, null))).hasValue("*");
    }

    @Test
    void filtersBecomeFieldClauses() {
        assertThat(RediSearchQuery.of(query("Riding Boot", "steve madden", "dark wine red", 10.0, null)))
                .hasValue("@nameWords:(riding boot) @brandKey:{steve\\ madden} @colorKeys:{dark\\ wine\\ red} @priceMin:[10.0 +inf]");
    }

    @Test
    void syntaxInValuesIsEscaped() {
        assertThat(RediSearchQuery.of(query(null, null, "red) | @name:(x", null, null)))
                .hasValue("@colorKeys:{red\\)\\ \\|\\ \\@name\\:\\(x}");
        assertThat(RediSearchQuery.escape("crème/noir")).isEqualTo("crème\\/noir");
    }

    @Test
    void textWithoutWordsMatchesNothing() {
        assertThat(RediSearchQuery.of(query("* | @", null, null, null, null))).isEmpty();
    }
}
