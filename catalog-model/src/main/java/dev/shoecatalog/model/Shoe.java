package dev.shoecatalog.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One shoe product as both stores hold it. Lists are never null; optional text and prices may be.
 *
 * @param id           product id: the export's {@code id}, else a stable hash of brand and name
 * @param brandKey     the brand normalized by {@link Keys#normalize}, for filters
 * @param colors       distinct colors as written, for display
 * @param colorKeys    color values and words, see {@link Colors}
 * @param dateAdded    earliest {@code dateAdded} of the product's rows
 * @param dateUpdated  latest {@code dateUpdated} of the product's rows; "latest" sorts by it
 */
public record Shoe(
        String id,
        String name,
        String brand,
        String brandKey,
        String manufacturer,
        List<String> categories,
        List<String> colors,
        List<String> colorKeys,
        Instant dateAdded,
        Instant dateUpdated,
        Double priceMin,
        Double priceMax,
        String currency,
        List<String> sizes,
        String imageUrl,
        String sourceUrl) {

    public Shoe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        categories = categories == null ? List.of() : List.copyOf(categories);
        colors = colors == null ? List.of() : List.copyOf(colors);
        colorKeys = colorKeys == null ? List.of() : List.copyOf(colorKeys);
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
    }
}
