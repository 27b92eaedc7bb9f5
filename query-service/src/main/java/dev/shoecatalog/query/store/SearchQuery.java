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
}
