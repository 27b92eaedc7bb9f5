package dev.shoecatalog.ingest.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The columns the job uses, under internal names, and how the exports spell them: matched
 * case-insensitively ({@code dateadded} = {@code dateAdded}) and by known aliases. Every other
 * column is ignored.
 */
public final class SourceColumns {

    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String BRAND = "brand";
    public static final String MANUFACTURER = "manufacturer";
    public static final String CATEGORIES = "categories";
    public static final String COLORS = "colors";
    public static final String DATE_ADDED = "dateAdded";
    public static final String DATE_UPDATED = "dateUpdated";
    public static final String AMOUNT_MIN = "amountMin";
    public static final String AMOUNT_MAX = "amountMax";
    public static final String CURRENCY = "currency";
    public static final String SIZES = "sizes";
    public static final String PRICE_SIZE = "priceSize";
    public static final String IMAGE_URLS = "imageUrls";
    public static final String SOURCE_URLS = "sourceUrls";

    /** All internal names, in a fixed order: the schema of the unified rows. */
    public static final List<String> ALL = List.of(ID, NAME, BRAND, MANUFACTURER, CATEGORIES, COLORS, DATE_ADDED,
            DATE_UPDATED, AMOUNT_MIN, AMOUNT_MAX, CURRENCY, SIZES, PRICE_SIZE, IMAGE_URLS, SOURCE_URLS);

    private static final Map<String, String> BY_LOWERCASE_HEADER = Map.ofEntries(
            entry("id", ID),
            entry("name", NAME),
            entry("brand", BRAND),
            entry("manufacturer", MANUFACTURER),
            entry("categories", CATEGORIES),
            entry("colors", COLORS),
            entry("dateadded", DATE_ADDED),
            entry("dateupdated", DATE_UPDATED),
            entry("prices.amountmin", AMOUNT_MIN),
            entry("prices.amountmax", AMOUNT_MAX),
            entry("prices.currency", CURRENCY),
            entry("sizes", SIZES),
            entry("prices.size", PRICE_SIZE),
            entry("imageurls", IMAGE_URLS),
            entry("sourceurls", SOURCE_URLS));

    private SourceColumns() {
    }

    /** How the Datafiniti exports spell a column the job uses (its internal name otherwise), for messages and rejects. */
    public static String exportName(String internal) {
        return switch (internal) {
            case AMOUNT_MIN -> "prices.amountMin";
            case AMOUNT_MAX -> "prices.amountMax";
            case CURRENCY -> "prices.currency";
            case PRICE_SIZE -> "prices.size";
            case IMAGE_URLS -> "imageURLs";
            case SOURCE_URLS -> "sourceURLs";
            default -> internal;
        };
    }

    /** The internal name of a header cell, if the job uses that column. */
    public static Optional<String> internalName(String header) {
        String key = header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_LOWERCASE_HEADER.get(key));
    }

    /**
     * One field name per header cell: the internal name for the first cell that maps to it, a
     * placeholder for ignored or repeated cells (a later duplicate never overrides the first).
     */
    public static List<String> fieldNames(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            Optional<String> internal = internalName(header.get(i)).filter(taken::add);
            names.add(internal.orElse("_ignored_" + i));
        }
        return names;
    }

    /** Whether any header cell is a column the job uses. */
    public static boolean recognizes(List<String> header) {
        return header.stream().anyMatch(cell -> internalName(cell).isPresent());
    }
}
