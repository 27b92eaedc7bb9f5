package dev.shoecatalog.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColorsTest {

    private static boolean matches(String query, String... cells) {
        return Colors.keys(List.of(cells)).contains(Colors.queryKey(query));
    }

    @Test
    void redMatchesWordsAndValuesInAnyCase() {
        assertThat(matches("red", "Dark Wine Red")).isTrue();
        assertThat(matches("red", "RED")).isTrue();
        assertThat(matches("Red", "Black/Red")).isTrue();
        assertThat(matches("red", "Black, Navy,  red ")).isTrue();
    }

    @Test
    void redDoesNotMatchInsideAnotherWord() {
        assertThat(matches("red", "Tired")).isFalse();
        assertThat(matches("red", "Redwood")).isFalse();
    }

    @Test
    void multiWordQueryMatchesTheExactValueOnly() {
        assertThat(matches("dark  wine RED", "Dark Wine Red")).isTrue();
        assertThat(matches("wine red", "Dark Wine Red")).isFalse();
        assertThat(matches("black / silver", "Black / Silver")).isTrue();
        assertThat(matches("silver", "Black / Silver")).isTrue();
    }

    @Test
    void keysAreSortedDistinctValuesAndWords() {
        assertThat(Colors.keys(List.of("Black/Red", "BLACK", "black/red")))
                .containsExactly("black", "black/red", "red");
    }

    @Test
    void displayKeepsOneWrittenFormPerValueWhateverTheOrder() {
        List<String> a = Colors.display(List.of("Black", "BLACK,Dark Wine Red", ""));
        List<String> b = Colors.display(List.of("Dark Wine Red", "", "BLACK", "Black"));
        assertThat(a).containsExactly("BLACK", "Dark Wine Red").isEqualTo(b);
    }

    @Test
    void blankAndNullCellsGiveNoKeys() {
        assertThat(Colors.keys(java.util.Arrays.asList(null, " ", ",,"))).isEmpty();
        assertThat(Colors.queryKey("  ")).isEmpty();
    }

    @Test
    void nonAsciiLettersStayInWords() {
        assertThat(Colors.keys(List.of("Bleu Clair/Crème"))).contains("crème", "bleu", "bleu clair/crème");
    }
}
