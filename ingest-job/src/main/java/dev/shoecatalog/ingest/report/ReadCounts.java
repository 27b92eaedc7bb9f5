package dev.shoecatalog.ingest.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import dev.shoecatalog.ingest.read.CsvDatasetReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static dev.shoecatalog.ingest.normalize.RowRules.REJECT_REASON;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

/**
 * What a read found, from one small aggregation over every row: rows per file, rejected rows per
 * reason (both sorted by name), and each file's first row id (to number rejected records without another pass).
 */
public record ReadCounts(Map<String, Long> rowsPerFile, Map<String, Long> rejectsByReason, Map<String, Long> firstRowIds) {

    public ReadCounts {
        rowsPerFile = sorted(rowsPerFile);
        rejectsByReason = sorted(rejectsByReason);
        firstRowIds = sorted(firstRowIds);
    }

    /** Counts rows of {@link CsvDatasetReader#read} with {@link dev.shoecatalog.ingest.normalize.RowRules} applied. */
    public static ReadCounts of(Dataset<Row> rows) {
        Map<String, Long> perFile = new TreeMap<>();
        Map<String, Long> perReason = new TreeMap<>();
        Map<String, Long> firstIds = new TreeMap<>();
        rows.groupBy(CsvDatasetReader.SOURCE_FILE, REJECT_REASON)
                .agg(count(lit(1)), min(CsvDatasetReader.ROW_ID))
                .collectAsList()
                .forEach(group -> {
                    String file = group.getString(0);
                    perFile.merge(file, group.getLong(2), Long::sum);
                    firstIds.merge(file, group.getLong(3), Math::min);
                    if (!group.isNullAt(1)) {
                        perReason.merge(group.getString(1), group.getLong(2), Long::sum);
                    }
                });
        return new ReadCounts(perFile, perReason, firstIds);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    public long rows() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejected() {
        return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
