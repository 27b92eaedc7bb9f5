package dev.shoecatalog.dataset;

import java.util.List;

/** A generated shoe product; its rows repeat it with different prices, sizes and dates. */
record Product(String id, String brand, String name, List<String> categories, List<String> colors,
               double basePrice, long addedEpochSecond, String imageUrl, String sourceUrl) {
}
