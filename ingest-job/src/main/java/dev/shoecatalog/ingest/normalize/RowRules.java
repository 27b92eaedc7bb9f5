package dev.shoecatalog.ingest.normalize;

import java.util.List;
import java.util.function.Function;

import dev.shoecatalog.ingest.read.SourceColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static dev.shoecatalog.ingest.read.CsvDatasetReader.CORRUPT;
import static dev.shoecatalog.ingest.read.SourceColumns.AMOUNT_MAX;
import static dev.shoecatalog.ingest.read.SourceColumns.AMOUNT_MIN;
import static dev.shoecatalog.ingest.read.SourceColumns.DATE_ADDED;
import static dev.shoecatalog.ingest.read.SourceColumns.DATE_UPDATED;
import static dev.shoecatalog.ingest.read.SourceColumns.ID;
import static dev.shoecatalog.ingest.read.SourceColumns.NAME;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * Per-row rules on the unified rows: timestamps parsed from date cells (which may hold several
 * comma-separated timestamps, with or without milliseconds) and the reason a row is rejected, if any.
 */
public final class RowRules {

    /** Earliest timestamp of the row's {@code dateAdded} cell, epoch millis. */
    public static final String ADDED_MS = "_added_ms";
    /** Latest timestamp of {@code dateUpdated}, or of {@code dateAdded} when {@code dateUpdated} is empty. */
    public static final String UPDATED_MS = "_updated_ms";
    public static final String REJECT_REASON = "_reject_reason";
    /**
     * Longest cell accepted, in characters: at up to 4 bytes each, still under Lucene's 32,766-byte
     * limit for one keyword term, past which Elasticsearch refuses the whole document.
     */
    public static final int MAX_FIELD_CHARS = 8_000;
    /** Elasticsearch's limit for {@code _id}, in bytes of UTF-8. */
    public static final int MAX_ID_BYTES = 512;
    /**
     * Dates a store takes as written: four-digit years, as ISO-8601 text without a sign (what
     * Elasticsearch's default date format parses).
     */
    static final long MIN_DATE_MS = -62_135_596_800_000L; // 0001-01-01T00:00:00Z
    static final long MAX_DATE_MS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z
    /** What a UTF-8 decoder puts in place of bytes that are not UTF-8. */
    private static final String REPLACEMENT_CHARACTER = "\uFFFD";

    private RowRules() {
    }

    /** Adds {@link #ADDED_MS}, {@link #UPDATED_MS} and {@link #REJECT_REASON} (null for a good row). */
    public static Dataset<Row> apply(Dataset<Row> rows) {
        Column updatedCell = timestamps(DATE_UPDATED, "array_max");
        Column addedLatest = timestamps(DATE_ADDED, "array_max");
        return rows
                .withColumn(ADDED_MS, timestamps(DATE_ADDED, "array_min"))
                .withColumn(UPDATED_MS, when(isBlank(DATE_UPDATED), addedLatest).otherwise(updatedCell))
                .withColumn(REJECT_REASON, rejectReason());
    }

    /** A reason to reject a row, when it holds, and the column at fault (a column of names, null for the record as a whole). */
    private record Rule(RejectReason reason, Column holds, Column column) {
    }

    /** In order: the first rule that holds gives the row's reason and column. */
    private static List<Rule> rules() {
        return List.of(
                new Rule(RejectReason.MALFORMED_RECORD, col(CORRUPT).isNotNull(), lit(null).cast("string")),
                new Rule(RejectReason.NOT_UTF8, anyCell(RowRules::notUtf8), firstCell(RowRules::notUtf8)),
                new Rule(RejectReason.FIELD_TOO_LONG, anyCell(RowRules::tooLong), firstCell(RowRules::tooLong)),
                new Rule(RejectReason.MISSING_NAME, isBlank(NAME), lit(NAME)),
                new Rule(RejectReason.MISSING_DATE, isBlank(DATE_UPDATED).and(isBlank(DATE_ADDED)), lit(DATE_UPDATED)),
                new Rule(RejectReason.UNPARSABLE_DATE_ADDED, col(UPDATED_MS).isNull().and(isBlank(DATE_UPDATED)), lit(DATE_ADDED)),
                new Rule(RejectReason.UNPARSABLE_DATE_UPDATED, col(UPDATED_MS).isNull(), lit(DATE_UPDATED)),
                new Rule(RejectReason.DATE_OUT_OF_RANGE, outOfRange(ADDED_MS).or(outOfRange(UPDATED_MS)),
                        when(outOfRange(ADDED_MS), lit(DATE_ADDED)).otherwise(lit(DATE_UPDATED))),
                new Rule(RejectReason.INVALID_PRICE, invalidPrice(AMOUNT_MIN).or(invalidPrice(AMOUNT_MAX)),
                        when(invalidPrice(AMOUNT_MIN), lit(AMOUNT_MIN)).otherwise(lit(AMOUNT_MAX))),
                new Rule(RejectReason.ID_TOO_LONG, expr("octet_length(trim(`" + ID + "`))").gt(MAX_ID_BYTES), lit(ID)));
    }

    private static Column rejectReason() {
        return firstOf(rule -> lit(rule.reason().label()));
    }

    /**
     * The source column that decided a rejected row's reason (null for a malformed record), for rows
     * of {@link #apply}: computed where rejects are written, not for every row.
     */
    public static Column rejectColumn() {
        return firstOf(Rule::column);
    }

    private static Column firstOf(Function<Rule, Column> value) {
        Column chain = null;
        for (Rule rule : rules()) {
            chain = chain == null ? when(rule.holds(), value.apply(rule)) : chain.when(rule.holds(), value.apply(rule));
        }
        return chain;
    }

    private static Column notUtf8(Column cell) {
        return cell.contains(REPLACEMENT_CHARACTER);
    }

    /** The name of the first source column whose cell passes {@code test}. */
    private static Column firstCell(Function<Column, Column> test) {
        return coalesce(SourceColumns.ALL.stream().map(name -> when(coalesce(test.apply(col(name)), lit(false)), lit(name)))
                .toArray(Column[]::new));
    }

    /** Over {@link #MAX_FIELD_CHARS} characters; the byte length, known at once, rules out nearly every cell first. */
    private static Column tooLong(Column cell) {
        return octet_length(cell).gt(MAX_FIELD_CHARS).and(length(cell).gt(MAX_FIELD_CHARS));
    }

    private static Column outOfRange(String millis) {
        return coalesce(col(millis).lt(MIN_DATE_MS).or(col(millis).gt(MAX_DATE_MS)), lit(false));
    }

    /** A price cell with text that is not a finite, non-negative number (NaN, Infinity and 1e400 included). */
    private static Column invalidPrice(String column) {
        Column amount = expr("try_cast(trim(`" + column + "`) AS DOUBLE)");
        Column valid = amount.isNotNull().and(amount.geq(0)).and(amount.lt(Double.POSITIVE_INFINITY)).and(not(isnan(amount)));
        return not(isBlank(column)).and(not(valid));
    }

    private static Column anyCell(Function<Column, Column> test) {
        return SourceColumns.ALL.stream().map(name -> coalesce(test.apply(col(name)), lit(false))).reduce(Column::or).orElseThrow();
    }

    static Column isBlank(String column) {
        return coalesce(trim(col(column)), lit("")).equalTo("");
    }

    /**
     * The earliest or latest ({@code array_min}/{@code array_max}) parsable timestamp of a cell, in UTC
     * epoch millis. A cell without a comma, nearly all of them, skips the list functions, which Spark
     * interprets row by row instead of compiling.
     */
    static Column timestamps(String column, String pick) {
        Column one = expr("unix_millis(try_cast(trim(`" + column + "`) AS TIMESTAMP))");
        Column many = expr(pick + "(filter(transform(split(`" + column + "`, ','), x -> unix_millis(try_cast(trim(x) AS TIMESTAMP))),"
                + " t -> t IS NOT NULL))");
        return when(col(column).contains(","), many).otherwise(one);
    }
}
