package dev.shoecatalog.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one definition of color matching, used by the ingest job and at query time.
 *
 * <p>A {@code colors} cell is a comma list. Each item, normalized, is a <em>color value</em>
 * ("dark wine red"); each value split on anything that is not a letter gives <em>color words</em>
 * ("dark", "wine", "red"). A shoe's color keys are its values plus its words, and a query color
 * matches when its normalized form equals one of them: "red" finds "Black/Red" but not "Tired".
 */
public final class Colors {

    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]+");

    private Colors() {
    }

    /** The normalized form of a color given in a query; {@code ""} when nothing is left. */
    public static String queryKey(String color) {
        return Keys.normalize(color);
    }

    /** Distinct normalized color values of the cells, in first-seen order. */
    public static Set<String> values(Iterable<String> cells) {
        Set<String> values = new LinkedHashSet<>();
        for (String cell : cells) {
            for (String item : splitCell(cell)) {
                String value = Keys.normalize(item);
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** The words of one normalized color value. */
    public static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_A_LETTER.split(value)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Color values plus color words, sorted so that reruns produce identical documents. */
    public static List<String> keys(Iterable<String> cells) {
        Set<String> keys = new TreeSet<>();
        for (String value : values(cells)) {
            keys.add(value);
            keys.addAll(words(value));
        }
        return List.copyOf(keys);
    }

    /**
     * The colors to display: one written form per normalized value (the smallest, so the choice is
     * stable whatever order the rows arrive in), ordered by normalized value.
     */
    public static List<String> display(Iterable<String> cells) {
        TreeMap<String, String> byValue = new TreeMap<>();
        for (String cell : cells) {
            for (String item : splitCell(cell)) {
                String written = item.strip();
                String value = Keys.normalize(written);
                if (!value.isEmpty()) {
                    byValue.merge(value, written, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        return List.copyOf(byValue.values());
    }

    private static String[] splitCell(String cell) {
        return cell == null ? new String[0] : cell.split(",");
    }
}
