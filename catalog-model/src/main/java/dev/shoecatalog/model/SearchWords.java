package dev.shoecatalog.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What free-text search matches: the words of a name, each a run of letters and digits, lowercased,
 * with nothing stemmed and nothing dropped. Stored beside the name ({@link ShoeFields#NAME_WORDS},
 * words joined by single spaces) so that RediSearch and Elasticsearch only split on spaces, and
 * applied to the query by the service: both stores then find exactly the same shoes
 * ({@code women's} is {@code women} and {@code s} everywhere, {@code boots} never finds {@code boot}).
 */
public final class SearchWords {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String word : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** The words joined by single spaces: the indexed form. */
    public static String joined(String text) {
        return String.join(" ", of(text));
    }
}
