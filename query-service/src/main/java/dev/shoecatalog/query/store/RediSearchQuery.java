package dev.shoecatalog.query.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.shoecatalog.model.SearchWords;
import dev.shoecatalog.model.ShoeFields;

/**
 * Builds the RediSearch query of a {@link SearchQuery}. Every user value is escaped character by
 * character, so it is matched as data ({@code red) | @name:(x} finds nothing instead of everything);
 * the syntax used works on RediSearch 1.x and 2.x alike.
 */
final class RediSearchQuery {

    private RediSearchQuery() {
    }

    /** Free text without a single word matches nothing. */
    static boolean matchesNothing(SearchQuery query) {
        return query.text().isPresent() && SearchWords.of(query.text().get()).isEmpty();
    }

    /**
     * The query of a search that can match something. {@code wordsAsTags}: the index holds the name's
     * words as tags, one clause per word (a generation loaded before that holds them as text).
     */
    static String of(SearchQuery query, boolean wordsAsTags) {
        List<String> clauses = new ArrayList<>();
        if (query.text().isPresent()) {
            List<String> words = words(query.text().get());
            if (wordsAsTags) {
                words.forEach(word -> clauses.add("@" + ShoeFields.NAME_WORDS + ":{" + word + "}"));
            } else {
                clauses.add("@" + ShoeFields.NAME_WORDS + ":(" + String.join(" ", words) + ")");
            }
        }
        query.brandKey().ifPresent(brand -> clauses.add("@" + ShoeFields.BRAND_KEY + ":{" + escape(brand) + "}"));
        query.colorKey().ifPresent(color -> clauses.add("@" + ShoeFields.COLOR_KEYS + ":{" + escape(color) + "}"));
        if (query.minPrice().isPresent() || query.maxPrice().isPresent()) {
            clauses.add("@" + ShoeFields.PRICE_MIN + ":[" + bound(query.minPrice(), "-inf") + " " + bound(query.maxPrice(), "+inf") + "]");
        }
        return clauses.isEmpty() ? "*" : String.join(" ", clauses);
    }

    /** The {@link SearchWords} of free text, escaped. */
    static List<String> words(String text) {
        return SearchWords.of(text).stream().map(RediSearchQuery::escape).toList();
    }

    /** Backslash before every character that is not a letter or a digit (spaces and punctuation included). */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() * 2);
        value.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(c);
        });
        return escaped.toString();
    }

    private static String bound(Optional<Double> value, String open) {
        return value.map(v -> Double.toString(v)).orElse(open);
    }
}
