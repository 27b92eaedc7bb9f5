package dev.shoecatalog.ingest.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import dev.shoecatalog.ingest.read.CsvDatasetReader;
import dev.shoecatalog.ingest.normalize.RowRules;
import dev.shoecatalog.ingest.read.SourceColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import static dev.shoecatalog.ingest.normalize.RowRules.REJECT_REASON;
import static dev.shoecatalog.ingest.read.CsvDatasetReader.CORRUPT;
import static dev.shoecatalog.ingest.read.CsvDatasetReader.RECORD;
import static dev.shoecatalog.ingest.read.CsvDatasetReader.SOURCE_FILE;
import static dev.shoecatalog.ingest.read.SourceColumns.DATE_ADDED;
import static dev.shoecatalog.ingest.read.SourceColumns.DATE_UPDATED;
import static dev.shoecatalog.ingest.read.SourceColumns.ID;
import static dev.shoecatalog.ingest.read.SourceColumns.NAME;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

/**
 * Writes rejected rows as JSON lines: source file, record number in it (records, not lines: a quoted
 * cell may span lines), the physical lines the record spans, reason, the column at fault (as the exports
 * spell it) and its value
 * (the first {@value #VALUE_CHARS} characters; of the raw text for a malformed record), the cells that
 * identify the row, and the raw text of a malformed record. The driver writes them, one partition of
 * rejects in its memory at a time, to {@code rejects.json} in the run's folder on any Hadoop filesystem:
 * executors need no access to it (a volume the executor pods of several nodes would have to share), and
 * the rejects are bounded by {@code --max-reject-ratio}.
 */
public final class RejectsOutput {

    static final int VALUE_CHARS = 300;

    private RejectsOutput() {
    }

    public static final String FILE = "rejects.json";

    public static void write(Dataset<Row> rejected, ReadCounts counts, String location) {
        Column column = RowRules.rejectColumn();
        Column value = when(column.isNull(), col(CORRUPT));
        Column exportName = when(column.isNull(), lit(null).cast("string"));
        for (String name : SourceColumns.ALL) {
            value = value.when(column.equalTo(name), col(name));
            exportName = exportName.when(column.equalTo(name), lit(SourceColumns.exportName(name)));
        }
        Dataset<String> lines = CsvDatasetReader.withRecordNumbers(rejected, counts.recordBases())
                .select(col(SOURCE_FILE).as("file"), col(RECORD).as("record"), ReadCounts.lines().as("lines"),
                        col(REJECT_REASON).as("reason"), exportName.as("column"), substring(value, 1, VALUE_CHARS).as("value"),
                        col(ID), col(NAME), col(DATE_UPDATED), col(DATE_ADDED), col(CORRUPT).as("raw"))
                .toJSON();
        Path folder = new Path(location);
        try {
            FileSystem filesystem = folder.getFileSystem(rejected.sparkSession().sparkContext().hadoopConfiguration());
            if (filesystem.exists(folder)) {
                throw new IllegalStateException("the rejects folder " + location + " exists already");
            }
            try (Writer out = new BufferedWriter(new OutputStreamWriter(filesystem.create(new Path(folder, FILE), false),
                    StandardCharsets.UTF_8))) {
                Iterator<String> each = lines.toLocalIterator();
                while (each.hasNext()) {
                    out.write(each.next());
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects to " + location + ": " + e.getMessage(), e);
        }
    }
}
