package dev.shoecatalog.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalizes free text into the lowercase form used for matching (colors, brands, product identity). */
public final class Keys {

    /** Control characters count as white space, so no key holds one (the search index separates brand tags with one). */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

    private Keys() {
    }

    /** Trimmed, lowercased, inner whitespace and control characters collapsed to one space; {@code ""} for null or blank. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return WHITESPACE.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
