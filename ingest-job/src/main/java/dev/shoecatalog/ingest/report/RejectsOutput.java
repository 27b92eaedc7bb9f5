package dev.shoecatalog.ingest.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import static dev.shoecatalog.ingest.normalize.RowRules.REJECT_REASON;
import static dev.shoecatalog.ingest.read.CsvDatasetReader.CORRUPT;
import static dev.shoecatalog.ingest.read.CsvDatasetReader.RECORD;
import static dev.shoecatalog.ingest.read.CsvDatasetReader.SOURCE_FILE;
import static dev.shoecatalog.ingest.read.SourceColumns.DATE_ADDED;
import static dev.shoecatalog.ingest.read.SourceColumns.DATE_UPDATED;
import static dev.shoecatalog.ingest.read.SourceColumns.ID;
import static dev.shoecatalog.ingest.read.SourceColumns.NAME;
import static org.apache.spark.sql.functions.col;

/**
 * Writes rejected rows as JSON lines: source file, record number in it (records, not lines: a quoted
 * cell may span lines), reason, the cells that decided it, and the raw text of a malformed record.
 */
public final class RejectsOutput {

    private RejectsOutput() {
    }

    public static void write(Dataset<Row> rejected, String location) {
        rejected.select(col(SOURCE_FILE).as("file"), col(RECORD).as("record"), col(REJECT_REASON).as("reason"),
                        col(ID), col(NAME), col(DATE_UPDATED), col(DATE_ADDED), col(CORRUPT).as("raw"))
                .coalesce(1)
                .write().mode(SaveMode.ErrorIfExists).json(location);
    }

    /** Rejected rows per reason, from a small aggregation. */
    public static Map<String, Long> countByReason(Dataset<Row> rejected) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Row> rows = rejected.groupBy(REJECT_REASON).count().orderBy(REJECT_REASON).collectAsList();
        rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }
}
