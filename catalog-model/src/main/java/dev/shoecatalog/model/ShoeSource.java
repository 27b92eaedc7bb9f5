package dev.shoecatalog.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.shoecatalog.model.ShoeFields.*;

/**
 * The Elasticsearch {@code _source} form of a {@link Shoe}, as a plain map so that each side can use
 * its own JSON library: dates as ISO-8601 text with milliseconds, lists as arrays, absent values left out.
 */
public final class ShoeSource {

    private ShoeSource() {
    }

    public static Map<String, Object> toSource(Shoe shoe) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put(ID, shoe.id());
        source.put(NAME, shoe.name());
        source.put(NAME_WORDS, SearchWords.joined(shoe.name()));
        putIfPresent(source, BRAND, shoe.brand());
        putIfPresent(source, BRAND_KEY, shoe.brandKey());
        putIfPresent(source, MANUFACTURER, shoe.manufacturer());
        source.put(CATEGORIES, shoe.categories());
        source.put(COLORS, shoe.colors());
        source.put(COLOR_KEYS, shoe.colorKeys());
        putIfPresent(source, DATE_ADDED, shoe.dateAdded() == null ? null : shoe.dateAdded().toString());
        source.put(DATE_UPDATED, shoe.dateUpdated().toString());
        putIfPresent(source, PRICE_MIN, shoe.priceMin());
        putIfPresent(source, PRICE_MAX, shoe.priceMax());
        putIfPresent(source, CURRENCY, shoe.currency());
        source.put(SIZES, shoe.sizes());
        putIfPresent(source, IMAGE_URL, shoe.imageUrl());
        putIfPresent(source, SOURCE_URL, shoe.sourceUrl());
        return source;
    }

    public static Shoe fromSource(Map<String, ?> source) {
        return new Shoe(
                text(source.get(ID)),
                text(source.get(NAME)),
                text(source.get(BRAND)),
                text(source.get(BRAND_KEY)),
                text(source.get(MANUFACTURER)),
                list(source.get(CATEGORIES)),
                list(source.get(COLORS)),
                list(source.get(COLOR_KEYS)),
                date(source.get(DATE_ADDED)),
                date(source.get(DATE_UPDATED)),
                number(source.get(PRICE_MIN)),
                number(source.get(PRICE_MAX)),
                text(source.get(CURRENCY)),
                list(source.get(SIZES)),
                text(source.get(IMAGE_URL)),
                text(source.get(SOURCE_URL)));
    }

    private static void putIfPresent(Map<String, Object> source, String field, Object value) {
        if (value != null) {
            source.put(field, value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> list(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    private static Instant date(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : value == null ? null : Double.valueOf(value.toString());
    }
}
