package dev.shoecatalog.dataset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Makes one price-observation row of a product, keyed by lowercased column name, with the messiness of
 * the real exports: several dates in a cell, two timestamp styles, ties on dateUpdated, empty cells,
 * quoted commas and line breaks inside cells.
 */
final class RowFactory {

    /** Kinds of rows the ingest job must reject. */
    enum Reject { NONE, MISSING_NAME, UNPARSABLE_DATE, MISSING_DATE, EXTRA_FIELD }

    private static final long YEAR = 365L * 24 * 3600;
    /** A few instants many rows share, so that "latest" needs its tie-breaker. */
    private static final Instant[] SHARED_UPDATES = {Instant.parse("2019-05-01T09:27:22Z"),
            Instant.parse("2019-04-25T12:35:00Z"), Instant.parse("2018-12-31T23:59:59.500Z")};
    private static final String[] SIZES = {"5", "5.5", "6", "6.5", "7", "7.5", "8", "8.5", "9", "10", "6 M US", "8 W US"};

    private final Random random;

    RowFactory(Random random) {
        this.random = random;
    }

    Map<String, String> row(Product product, Reject reject) {
        Map<String, String> row = new HashMap<>();
        Instant added = Instant.ofEpochSecond(product.addedEpochSecond());
        Instant updated = random.nextInt(20) == 0 ? SHARED_UPDATES[random.nextInt(SHARED_UPDATES.length)]
                : added.plusSeconds((long) (random.nextDouble() * YEAR)).plusMillis(random.nextInt(3) == 0 ? random.nextInt(1000) : 0);
        if (updated.isBefore(added)) {
            updated = added;
        }
        row.put("id", product.id());
        row.put("brand", product.brand());
        row.put("manufacturer", random.nextBoolean() ? product.brand() : "");
        row.put("name", product.name());
        row.put("categories", String.join(",", product.categories()));
        row.put("primarycategories", "Shoes");
        row.put("colors", random.nextInt(20) == 0 ? "" : String.join(",", product.colors()));
        row.put("dateadded", date(added));
        row.put("dateupdated", random.nextInt(10) == 0 ? date(updated) + "," + date(added) : date(updated));
        double min = product.basePrice() * (0.7 + random.nextDouble() * 0.3);
        row.put("prices.amountmin", random.nextInt(25) == 0 ? "" : price(min));
        row.put("prices.amountmax", price(Math.max(min, product.basePrice())));
        row.put("prices.currency", "USD");
        row.put("prices.availability", random.nextBoolean() ? "In Stock" : "TRUE");
        row.put("prices.dateseen", date(updated) + "," + date(updated.minus(3, ChronoUnit.DAYS)));
        row.put("prices.offer", random.nextInt(15) == 0 ? "Online only\nFree returns, 30 days" : "Online only");
        row.put("prices.issale", Boolean.toString(random.nextBoolean()).toUpperCase(Locale.ROOT));
        String size = SIZES[random.nextInt(SIZES.length)];
        row.put("prices.size", size);
        row.put("sizes", random.nextBoolean() ? size : size + "," + SIZES[random.nextInt(SIZES.length)]);
        row.put("imageurls", product.imageUrl() + "," + product.imageUrl().replace(".jpg", "-2.jpg"));
        row.put("sourceurls", product.sourceUrl());
        row.put("ean", "887000000000.00");
        row.put("upc", "887000000000.00");
        row.put("ean / upc", "656000000000.00");
        row.put("asins", "B0" + Integer.toString(random.nextInt(1 << 30), 36).toUpperCase(Locale.ROOT));
        row.put("keys", product.name().toLowerCase(Locale.ROOT).replace(' ', '-'));
        row.put("dimension", random.nextInt(15) == 0 ? "10 in x 4 in\n\"boxed\"" : "10 in x 4 in x 4 in");
        row.put("weight", "1.2 lbs");
        applyReject(row, reject);
        return row;
    }

    private static void applyReject(Map<String, String> row, Reject reject) {
        switch (reject) {
            case MISSING_NAME -> row.put("name", "  ");
            case UNPARSABLE_DATE -> row.put("dateupdated", "last tuesday");
            case MISSING_DATE -> {
                row.put("dateupdated", "");
                row.put("dateadded", "");
            }
            case NONE, EXTRA_FIELD -> { }
        }
    }

    /** Half the cells in the plain style, half with milliseconds, as both occur in the real data. */
    private String date(Instant instant) {
        if (instant.getNano() == 0 && random.nextBoolean()) {
            return instant.toString();
        }
        return instant.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "")
                + String.format(Locale.ROOT, ".%03dZ", instant.getNano() / 1_000_000);
    }

    private static String price(double amount) {
        return String.format(Locale.ROOT, "%.2f", amount);
    }
}
