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
        assertThat(RediSearchQuery.of(query(null, null, null, null, null), true)).isEqualTo("*");
    }

    @Test
    void filtersBecomeFieldClauses() {
        assertThat(RediSearchQuery.of(query("Riding Boot", "steve madden", "dark wine red", 10.0, null), true))
                .isEqualTo("@nameWords:{riding} @nameWords:{boot} @brandKey:{steve\\ madden} @colorKeys:{dark\\ wine\\ red}"
                        + " @priceMin:[10.0 +inf]");
        assertThat(RediSearchQuery.of(query("Riding Boot", null, null, null, 20.5), false))
                .as("an index of the layout before the words were tags").isEqualTo("@nameWords:(riding boot) @priceMin:[-inf 20.5]");
    }

    @Test
    void syntaxInValuesIsEscaped() {
        assertThat(RediSearchQuery.of(query(null, null, "red) | @name:(x", null, null), true))
                .isEqualTo("@colorKeys:{red\\)\\ \\|\\ \\@name\\:\\(x}");
        assertThat(RediSearchQuery.escape("crème/noir")).isEqualTo("crème\\/noir");
    }

    @Test
    void textWithoutWordsMatchesNothing() {
        assertThat(RediSearchQuery.matchesNothing(query("* | @", null, null, null, null))).isTrue();
        assertThat(RediSearchQuery.matchesNothing(query("boot", null, null, null, null))).isFalse();
        assertThat(RediSearchQuery.matchesNothing(query(null, null, null, null, null))).isFalse();
    }
}
