package dev.shoecatalog.ingest.normalize;

/** Why a row is not loaded. The names appear in the rejects output, the run summary and the meta hash. */
public enum RejectReason {
    /** Spark could not parse the record (e.g. more or fewer fields than the header). */
    MALFORMED_RECORD,
    /** A cell is not valid UTF-8 (e.g. a Latin-1 export): loading it would store replacement characters. */
    NOT_UTF8,
    /** A cell is longer than {@link RowRules#MAX_FIELD_CHARS}. */
    FIELD_TOO_LONG,
    MISSING_NAME,
    /** {@code dateUpdated} has a value but no parsable timestamp in it. */
    UNPARSABLE_DATE_UPDATED,
    /** {@code dateUpdated} is empty and {@code dateAdded} has a value but no parsable timestamp. */
    UNPARSABLE_DATE_ADDED,
    /** Neither {@code dateUpdated} nor {@code dateAdded} has a value. */
    MISSING_DATE,
    /** A date before year 1 or after year 9999, which Elasticsearch's date format cannot hold. */
    DATE_OUT_OF_RANGE,
    /** A price cell that is not a finite, non-negative number ({@code NaN}, {@code Infinity}, {@code 1e400}, {@code $5}). */
    INVALID_PRICE,
    /** An {@code id} longer than Elasticsearch's 512-byte limit for {@code _id}. */
    ID_TOO_LONG;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
