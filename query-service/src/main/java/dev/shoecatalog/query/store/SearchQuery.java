package dev.shoecatalog.query.store;

import java.util.Optional;

/**
 * A filtered search, already normalized: {@code brandKey} and {@code colorKey} as the catalog model
 * normalizes them, {@code text} as typed. Every value is data, never query syntax.
 *
 * @param minPrice lowest {@code priceMin} accepted
 * @param maxPrice highest {@code priceMin} accepted
 * @param cursor   where the previous page ended, as that store wrote it
 */
public record SearchQuery(Optional<String> text, Optional<String> brandKey, Optional<String> colorKey,
                          Optional<Double> minPrice, Optional<Double> maxPrice, int n, Optional<String> cursor) {

    /** Identifies the filters (not the page size), so a cursor is refused by another search: 64-bit FNV-1a, hex. */
    public String fingerprint() {
        String filters = String.join("\u0000", text.orElse("-"), brandKey.orElse("-"), colorKey.orElse("-"),
                minPrice.map(String::valueOf).orElse("-"), maxPrice.map(String::valueOf).orElse("-"));
        long hash = 0xcbf29ce484222325L;
        for (byte b : filters.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return String.format("%016x", hash);
    }
}
