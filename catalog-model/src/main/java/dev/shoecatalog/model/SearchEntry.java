package dev.shoecatalog.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields the Redis search index holds of a product: only what the search endpoint filters and
 * sorts on (the answer itself is the stored document, found by the rank).
 */
public final class SearchEntry {

    /** Color keys hold no comma: they come from comma-split cells. */
    public static final String TAG_SEPARATOR = ",";

    private SearchEntry() {
    }

    public static Map<String, String> fields(Shoe shoe, long rank) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ShoeFields.NAME_WORDS, SearchWords.joined(shoe.name()));
        if (shoe.brandKey() != null && !shoe.brandKey().isEmpty()) {
            fields.put(ShoeFields.BRAND_KEY, shoe.brandKey());
        }
        if (!shoe.colorKeys().isEmpty()) {
            fields.put(ShoeFields.COLOR_KEYS, String.join(TAG_SEPARATOR, shoe.colorKeys()));
        }
        if (shoe.priceMin() != null) {
            fields.put(ShoeFields.PRICE_MIN, shoe.priceMin().toString());
        }
        fields.put(ShoeFields.LATEST_RANK, Long.toString(rank));
        return fields;
    }
}
