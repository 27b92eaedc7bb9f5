package dev.shoecatalog.ingest.report;

import dev.shoecatalog.ingest.read.CsvDatasetReader;
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

    public static void write(Dataset<Row> rejected, ReadCounts counts, String location) {
        CsvDatasetReader.withRecordNumbers(rejected, counts.firstRowIds())
                .select(col(SOURCE_FILE).as("file"), col(RECORD).as("record"), col(REJECT_REASON).as("reason"),
                        col(ID), col(NAME), col(DATE_UPDATED), col(DATE_ADDED), col(CORRUPT).as("raw"))
                .coalesce(1)
                .write().mode(SaveMode.ErrorIfExists).json(location);
    }
}
