package dev.shoecatalog.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalizes free text into the lowercase form used for matching (colors, brands, product identity). */
public final class Keys {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Keys() {
    }

    /** Trimmed, lowercased, inner whitespace collapsed to one space; {@code ""} for null or blank. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        return WHITESPACE.matcher(trimmed).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
