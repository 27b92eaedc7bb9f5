package dev.shoecatalog.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchWordsTest {

    @Test
    void wordsAreRunsOfLettersAndDigitsLowercasedWithNothingStemmedOrDropped() {
        assertThat(SearchWords.of("Women's Slip-On BOOTS, Air Max 90")).containsExactly("women", "s", "slip", "on", "boots", "air", "max", "90");
        assertThat(SearchWords.of("The  Crème\tBrûlée")).containsExactly("the", "crème", "brûlée");
        assertThat(SearchWords.joined("  Women's  Boots ")).isEqualTo("women s boots");
    }

    @Test
    void textWithoutALetterOrDigitHasNoWord() {
        assertThat(SearchWords.of("* | @ -")).isEmpty();
        assertThat(SearchWords.of(null)).isEmpty();
        assertThat(SearchWords.joined("")).isEmpty();
    }
}
