package dev.shoecatalog.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A shoe stored once in the shape the API answers with, so that a reader copies it out instead of
 * parsing and writing it again. The stored form is a JSON array of the answer's values in
 * {@link #FIELDS} order, each written exactly as the service's JSON writer writes that value (strings
 * escaped as Jackson escapes them, dates as ISO-8601, numbers as {@link Double#toString}, absent values
 * as {@code null}); the field names are put back when it is copied out ({@link #appendObject}), which
 * keeps them out of every stored document.
 */
public final class ShoeJson {

    /** The answer's fields, in the order of the API's shoe object. */
    public static final List<String> FIELDS = List.of(ShoeFields.ID, ShoeFields.NAME, ShoeFields.BRAND, ShoeFields.MANUFACTURER,
            ShoeFields.CATEGORIES, ShoeFields.COLORS, ShoeFields.COLOR_KEYS, ShoeFields.DATE_ADDED, ShoeFields.DATE_UPDATED,
            ShoeFields.PRICE_MIN, ShoeFields.PRICE_MAX, ShoeFields.CURRENCY, ShoeFields.SIZES, ShoeFields.IMAGE_URL,
            ShoeFields.SOURCE_URL);

    private static final int NAME = 1;
    private static final int COLORS = 5;
    private static final int DATE_UPDATED = 8;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** {@code "id":}, {@code ,"name":}, ...: what {@link #appendObject} puts before each value. */
    private static final String[] OBJECT_PREFIXES = FIELDS.stream()
            .map(field -> (field.equals(ShoeFields.ID) ? "{\"" : ",\"") + field + "\":").toArray(String[]::new);

    private ShoeJson() {
    }

    /** The stored form of a shoe. */
    public static String encode(Shoe shoe) {
        StringBuilder out = new StringBuilder(512).append('[');
        string(out, shoe.id()).append(',');
        string(out, shoe.name()).append(',');
        string(out, shoe.brand()).append(',');
        string(out, shoe.manufacturer()).append(',');
        list(out, shoe.categories()).append(',');
        list(out, shoe.colors()).append(',');
        list(out, shoe.colorKeys()).append(',');
        date(out, shoe.dateAdded()).append(',');
        date(out, shoe.dateUpdated()).append(',');
        number(out, shoe.priceMin()).append(',');
        number(out, shoe.priceMax()).append(',');
        string(out, shoe.currency()).append(',');
        list(out, shoe.sizes()).append(',');
        string(out, shoe.imageUrl()).append(',');
        string(out, shoe.sourceUrl());
        return out.append(']').toString();
    }

    /** Appends the API's shoe object ({@code {"id":..,"name":..,...}}) of a stored shoe. */
    public static StringBuilder appendObject(String stored, StringBuilder out) {
        int[] bounds = elements(stored);
        for (int i = 0; i < OBJECT_PREFIXES.length; i++) {
            out.append(OBJECT_PREFIXES[i]).append(stored, bounds[2 * i], bounds[2 * i + 1]);
        }
        return out.append('}');
    }

    /**
     * Appends the replaced system's item: {@code {"name":..,"colors":"a,b","dateUpdated":..}}, the colors
     * joined by commas into one string (joining escaped strings is escaping the joined string).
     */
    public static StringBuilder appendLegacyObject(String stored, StringBuilder out) {
        int[] bounds = elements(stored);
        out.append("{\"name\":").append(stored, bounds[2 * NAME], bounds[2 * NAME + 1]).append(",\"colors\":\"");
        int end = bounds[2 * COLORS + 1] - 1;
        int i = bounds[2 * COLORS] + 1;
        boolean first = true;
        while (i < end) {
            int close = endOfString(stored, i);
            if (!first) {
                out.append(',');
            }
            out.append(stored, i + 1, close - 1);
            first = false;
            i = close + 1; // past the comma
        }
        return out.append("\",\"dateUpdated\":").append(stored, bounds[2 * DATE_UPDATED], bounds[2 * DATE_UPDATED + 1]).append('}');
    }

    /** The shoe a stored form holds; {@code brandKey} is derived from the brand, as the ingest derives it. */
    public static Shoe decode(String stored) {
        int[] bounds = elements(stored);
        String brand = text(stored, bounds, 2);
        return new Shoe(text(stored, bounds, 0), text(stored, bounds, 1), brand, brand == null ? null : Keys.normalize(brand),
                text(stored, bounds, 3), texts(stored, bounds, 4), texts(stored, bounds, 5), texts(stored, bounds, 6),
                instant(text(stored, bounds, 7)), instant(text(stored, bounds, 8)), number(stored, bounds, 9),
                number(stored, bounds, 10), text(stored, bounds, 11), texts(stored, bounds, 12), text(stored, bounds, 13),
                text(stored, bounds, 14));
    }

    /** The id of a stored shoe, without decoding the rest. */
    public static String id(String stored) {
        int[] bounds = elements(stored);
        return text(stored, bounds, 0);
    }

    /** Start and end (exclusive) of each top-level value, two ints per field. */
    private static int[] elements(String stored) {
        int[] bounds = new int[2 * FIELDS.size()];
        int i = 1;
        for (int field = 0; field < FIELDS.size(); field++) {
            int end = endOfValue(stored, i);
            bounds[2 * field] = i;
            bounds[2 * field + 1] = end;
            i = end + 1;
        }
        if (i != stored.length() || stored.charAt(0) != '[') {
            throw new IllegalArgumentException("not a stored shoe: " + abbreviate(stored));
        }
        return bounds;
    }

    private static int endOfValue(String s, int i) {
        char c = s.charAt(i);
        if (c == '"') {
            return endOfString(s, i);
        }
        if (c == '[') {
            int j = i + 1;
            while (s.charAt(j) != ']') {
                j = endOfString(s, j);
                if (s.charAt(j) == ',') {
                    j++;
                }
            }
            return j + 1;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) != ',' && s.charAt(j) != ']') {
            j++;
        }
        return j;
    }

    /** The index just past the string starting at {@code i} (its opening quote). */
    private static int endOfString(String s, int i) {
        if (s.charAt(i) != '"') {
            throw new IllegalArgumentException("expected a string at " + i + " of a stored shoe: " + abbreviate(s));
        }
        int j = i + 1;
        while (true) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '"') {
                return j + 1;
            } else {
                j++;
            }
        }
    }

    private static String text(String s, int[] bounds, int field) {
        int start = bounds[2 * field];
        int end = bounds[2 * field + 1];
        return s.charAt(start) == 'n' ? null : unescape(s, start + 1, end - 1);
    }

    private static List<String> texts(String s, int[] bounds, int field) {
        List<String> values = new ArrayList<>();
        int end = bounds[2 * field + 1] - 1;
        int i = bounds[2 * field] + 1;
        while (i < end) {
            int close = endOfString(s, i);
            values.add(unescape(s, i + 1, close - 1));
            i = close + 1;
        }
        return values;
    }

    private static Double number(String s, int[] bounds, int field) {
        String text = s.substring(bounds[2 * field], bounds[2 * field + 1]);
        return text.equals("null") ? null : Double.valueOf(text);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String unescape(String s, int start, int end) {
        StringBuilder out = null;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(end - start).append(s, start, i);
            }
            char escaped = s.charAt(++i);
            switch (escaped) {
                case 'b' -> out.append('\b');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s, i + 1, i + 5, 16));
                    i += 4;
                }
                default -> out.append(escaped);
            }
        }
        return out == null ? s.substring(start, end) : out.toString();
    }

    /** Appends a JSON string (or {@code null}) escaped as the service's JSON writer escapes it. */
    public static StringBuilder appendString(StringBuilder out, String value) {
        return string(out, value);
    }

    private static StringBuilder string(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static StringBuilder list(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        return out.append(']');
    }

    private static StringBuilder date(StringBuilder out, Instant date) {
        return date == null ? out.append("null") : out.append('"').append(date).append('"');
    }

    private static StringBuilder number(StringBuilder out, Double value) {
        return value == null ? out.append("null") : out.append(value);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
