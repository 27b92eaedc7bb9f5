package dev.shoecatalog.ingest.normalize;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static dev.shoecatalog.ingest.normalize.RowRules.ADDED_MS;
import static dev.shoecatalog.ingest.normalize.RowRules.UPDATED_MS;
import static dev.shoecatalog.ingest.read.SourceColumns.AMOUNT_MAX;
import static dev.shoecatalog.ingest.read.SourceColumns.AMOUNT_MIN;
import static dev.shoecatalog.ingest.read.SourceColumns.BRAND;
import static dev.shoecatalog.ingest.read.SourceColumns.CATEGORIES;
import static dev.shoecatalog.ingest.read.SourceColumns.COLORS;
import static dev.shoecatalog.ingest.read.SourceColumns.CURRENCY;
import static dev.shoecatalog.ingest.read.SourceColumns.ID;
import static dev.shoecatalog.ingest.read.SourceColumns.IMAGE_URLS;
import static dev.shoecatalog.ingest.read.SourceColumns.MANUFACTURER;
import static dev.shoecatalog.ingest.read.SourceColumns.NAME;
import static dev.shoecatalog.ingest.read.SourceColumns.PRICE_SIZE;
import static dev.shoecatalog.ingest.read.SourceColumns.SIZES;
import static dev.shoecatalog.ingest.read.SourceColumns.SOURCE_URLS;
import static dev.shoecatalog.model.ShoeFields.BRAND_KEY;
import static dev.shoecatalog.model.ShoeFields.COLOR_KEYS;
import static dev.shoecatalog.model.ShoeFields.DATE_ADDED;
import static dev.shoecatalog.model.ShoeFields.DATE_UPDATED;
import static dev.shoecatalog.model.ShoeFields.IMAGE_URL;
import static dev.shoecatalog.model.ShoeFields.PRICE_MAX;
import static dev.shoecatalog.model.ShoeFields.PRICE_MIN;
import static dev.shoecatalog.model.ShoeFields.SOURCE_URL;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

/**
 * Turns good rows (one per price observation) into one document per product, with the columns of
 * {@link dev.shoecatalog.model.ShoeFields}: dates as epoch millis, lists as sorted distinct arrays.
 * Every choice among rows is ordered (latest row first, then by value), so reruns give equal documents.
 */
public final class ProductAggregation {

    private static final String PRODUCT_ID = "_product_id";

    private ProductAggregation() {
    }

    public static Dataset<Row> apply(Dataset<Row> goodRows) {
        Dataset<Row> rows = goodRows
                .withColumn(PRODUCT_ID, when(RowRules.isBlank(ID), CatalogFunctions.PRODUCT_ID.apply(col(BRAND), col(NAME)))
                        .otherwise(trim(col(ID))))
                .withColumn("_min", expr("try_cast(coalesce(`" + AMOUNT_MIN + "`, `" + AMOUNT_MAX + "`) AS DOUBLE)"))
                .withColumn("_max", expr("try_cast(coalesce(`" + AMOUNT_MAX + "`, `" + AMOUNT_MIN + "`) AS DOUBLE)"))
                .withColumn("_image", first(IMAGE_URLS))
                .withColumn("_source", first(SOURCE_URLS));
        Dataset<Row> products = rows.groupBy(PRODUCT_ID).agg(
                latest(trim(col(NAME))).as(NAME),
                latest(trim(col(BRAND))).as(BRAND),
                latest(trim(col(MANUFACTURER))).as(MANUFACTURER),
                distinctItems(collect_list(col(CATEGORIES))).as(CATEGORIES),
                concat_ws(",", collect_list(col(COLORS))).as("_color_cells"),
                min(col(ADDED_MS)).as(DATE_ADDED),
                max(col(UPDATED_MS)).as(DATE_UPDATED),
                min(col("_min")).as(PRICE_MIN),
                max(col("_max")).as(PRICE_MAX),
                latest(trim(col(CURRENCY))).as(CURRENCY),
                distinctItems(collect_list(col(SIZES)), collect_list(col(PRICE_SIZE))).as(SIZES),
                latest(col("_image")).as(IMAGE_URL),
                latest(col("_source")).as(SOURCE_URL));
        return products.select(
                col(PRODUCT_ID).as(dev.shoecatalog.model.ShoeFields.ID),
                col(NAME), col(BRAND),
                CatalogFunctions.NORMALIZED_KEY.apply(col(BRAND)).as(BRAND_KEY),
                col(MANUFACTURER), col(CATEGORIES),
                CatalogFunctions.DISPLAY_COLORS.apply(col("_color_cells")).as(COLORS),
                CatalogFunctions.COLOR_KEYS.apply(col("_color_cells")).as(COLOR_KEYS),
                col(DATE_ADDED), col(DATE_UPDATED), col(PRICE_MIN), col(PRICE_MAX), col(CURRENCY), col(SIZES),
                col(IMAGE_URL), col(SOURCE_URL));
    }

    /** The value of the product's latest row that has one (ties broken by the value itself). */
    private static Column latest(Column value) {
        Column nonBlank = when(coalesce(value, expr("''")).notEqual(""), value);
        return max_by(nonBlank, when(nonBlank.isNotNull(), struct(col(UPDATED_MS), nonBlank)));
    }

    /**
     * The sorted distinct items of all these comma list cells: split once per product after grouping,
     * not once per row (joining cells with {@code ,} splits into the same items).
     */
    private static Column distinctItems(Column... cellLists) {
        return array_sort(array_distinct(items(concat_ws(",", cellLists))));
    }

    /**
     * The first trimmed, non-empty item of a comma list cell (null for none): the text before the first
     * comma (the whole cell when it has none), else the list's first item. Spark interprets the list
     * functions row by row, so they only run when a cell with a comma starts with a blank item.
     */
    private static Column first(String column) {
        Column cell = col(column);
        Column beforeComma = nullif(trim(substring_index(cell, ",", 1)), lit(""));
        return coalesce(beforeComma, when(cell.contains(","), try_element_at(items(cell), lit(1))));
    }

    /** The trimmed, non-empty items of a comma list. */
    private static Column items(Column list) {
        return filter(transform(split(list, ","), item -> trim(item)), item -> item.notEqual(""));
    }
}
