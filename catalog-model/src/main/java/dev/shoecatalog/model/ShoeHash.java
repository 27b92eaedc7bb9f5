package dev.shoecatalog.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.shoecatalog.model.ShoeFields.*;

/**
 * The flat Redis hash form of a {@link Shoe}: lists joined with {@code ,} (no list item contains a
 * comma, since they all come from comma-split cells), dates as epoch millis plus ISO text, absent
 * values left out.
 */
public final class ShoeHash {

    private static final String LIST_SEPARATOR = ",";

    private ShoeHash() {
    }

    public static Map<String, String> toHash(Shoe shoe) {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put(ID, shoe.id());
        hash.put(NAME, shoe.name());
        hash.put(NAME_WORDS, SearchWords.joined(shoe.name()));
        putIfPresent(hash, BRAND, shoe.brand());
        putIfPresent(hash, BRAND_KEY, shoe.brandKey());
        putIfPresent(hash, MANUFACTURER, shoe.manufacturer());
        putList(hash, CATEGORIES, shoe.categories());
        putList(hash, COLORS, shoe.colors());
        putList(hash, COLOR_KEYS, shoe.colorKeys());
        putDate(hash, DATE_ADDED, shoe.dateAdded());
        putDate(hash, DATE_UPDATED, shoe.dateUpdated());
        putIfPresent(hash, PRICE_MIN, shoe.priceMin() == null ? null : shoe.priceMin().toString());
        putIfPresent(hash, PRICE_MAX, shoe.priceMax() == null ? null : shoe.priceMax().toString());
        putIfPresent(hash, CURRENCY, shoe.currency());
        putList(hash, SIZES, shoe.sizes());
        putIfPresent(hash, IMAGE_URL, shoe.imageUrl());
        putIfPresent(hash, SOURCE_URL, shoe.sourceUrl());
        return hash;
    }

    public static Shoe fromHash(Map<String, String> hash) {
        return new Shoe(
                hash.get(ID),
                hash.get(NAME),
                hash.get(BRAND),
                hash.get(BRAND_KEY),
                hash.get(MANUFACTURER),
                list(hash.get(CATEGORIES)),
                list(hash.get(COLORS)),
                list(hash.get(COLOR_KEYS)),
                date(hash.get(DATE_ADDED)),
                date(hash.get(DATE_UPDATED)),
                number(hash.get(PRICE_MIN)),
                number(hash.get(PRICE_MAX)),
                hash.get(CURRENCY),
                list(hash.get(SIZES)),
                hash.get(IMAGE_URL),
                hash.get(SOURCE_URL));
    }

    private static void putIfPresent(Map<String, String> hash, String field, String value) {
        if (value != null && !value.isEmpty()) {
            hash.put(field, value);
        }
    }

    private static void putList(Map<String, String> hash, String field, List<String> values) {
        if (!values.isEmpty()) {
            hash.put(field, String.join(LIST_SEPARATOR, values));
        }
    }

    private static void putDate(Map<String, String> hash, String field, Instant date) {
        if (date != null) {
            hash.put(field, Long.toString(date.toEpochMilli()));
            hash.put(field + ISO_SUFFIX, date.toString());
        }
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR));
    }

    private static Instant date(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }
}
