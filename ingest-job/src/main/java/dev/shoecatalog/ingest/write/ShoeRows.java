package dev.shoecatalog.ingest.write;

import java.time.Instant;
import java.util.List;

import dev.shoecatalog.model.Shoe;
import org.apache.spark.sql.Row;

import static dev.shoecatalog.model.ShoeFields.*;

/** Reads a row of {@link dev.shoecatalog.ingest.normalize.ProductAggregation}'s output as a {@link Shoe}. */
public final class ShoeRows {

    private ShoeRows() {
    }

    public static Shoe toShoe(Row row) {
        return new Shoe(
                row.getAs(ID),
                row.getAs(NAME),
                row.getAs(BRAND),
                row.getAs(BRAND_KEY),
                row.getAs(MANUFACTURER),
                list(row, CATEGORIES),
                list(row, COLORS),
                list(row, COLOR_KEYS),
                instant(row, DATE_ADDED),
                instant(row, DATE_UPDATED),
                row.getAs(PRICE_MIN),
                row.getAs(PRICE_MAX),
                row.getAs(CURRENCY),
                list(row, SIZES),
                row.getAs(IMAGE_URL),
                row.getAs(SOURCE_URL));
    }

    private static List<String> list(Row row, String field) {
        int index = row.fieldIndex(field);
        return row.isNullAt(index) ? List.of() : row.getList(index);
    }

    private static Instant instant(Row row, String field) {
        int index = row.fieldIndex(field);
        return row.isNullAt(index) ? null : Instant.ofEpochMilli(row.getLong(index));
    }
}
