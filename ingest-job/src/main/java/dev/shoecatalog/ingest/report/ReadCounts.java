package dev.shoecatalog.ingest.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import dev.shoecatalog.ingest.read.CsvDatasetReader;
import dev.shoecatalog.ingest.read.CsvDatasetReader.Block;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static dev.shoecatalog.ingest.normalize.RowRules.REJECT_REASON;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

/**
 * What a read found, from one small aggregation over every row: rows per file, rejected rows per
 * reason (both sorted by name), each block's record base (to number rejected records without another
 * pass: {@link CsvDatasetReader#withRecordNumbers}), and the physical lines the rejected records
 * span: a malformed record (an unterminated quote) may have swallowed many lines, and weighs that much
 * toward the reject ratio.
 */
public record ReadCounts(Map<String, Long> rowsPerFile, Map<String, Long> rejectsByReason, Map<Block, Long> recordBases,
                         long rejectedLines) {

    public ReadCounts {
        rowsPerFile = sorted(rowsPerFile);
        rejectsByReason = sorted(rejectsByReason);
        recordBases = Collections.unmodifiableSortedMap(new TreeMap<>(recordBases));
    }

    /** Counts rows of {@link CsvDatasetReader#read} with {@link dev.shoecatalog.ingest.normalize.RowRules} applied. */
    public static ReadCounts of(Dataset<Row> rows) {
        Map<String, Long> perFile = new TreeMap<>();
        Map<String, Long> perReason = new TreeMap<>();
        Map<Block, long[]> blocks = new TreeMap<>();
        long[] rejectedLines = {0};
        rows.groupBy(CsvDatasetReader.SOURCE_FILE, CsvDatasetReader.BLOCK_START, REJECT_REASON)
                .agg(count(lit(1)), min(CsvDatasetReader.ROW_ID), sum(lines()))
                .collectAsList()
                .forEach(group -> {
                    String file = group.getString(0);
                    long[] block = blocks.computeIfAbsent(new Block(file, group.getLong(1)), b -> new long[] {0, Long.MAX_VALUE});
                    block[0] += group.getLong(3);
                    block[1] = Math.min(block[1], group.getLong(4));
                    perFile.merge(file, group.getLong(3), Long::sum);
                    if (!group.isNullAt(2)) {
                        perReason.merge(group.getString(2), group.getLong(3), Long::sum);
                        rejectedLines[0] += group.getLong(5);
                    }
                });
        return new ReadCounts(perFile, perReason, recordBases(blocks), rejectedLines[0]);
    }

    /** Each block's first row id minus the records of the blocks before it in its file (blocks in file, then start order). */
    private static Map<Block, Long> recordBases(Map<Block, long[]> blocks) {
        Map<Block, Long> bases = new TreeMap<>();
        String file = null;
        long before = 0;
        for (Map.Entry<Block, long[]> block : blocks.entrySet()) {
            if (!block.getKey().file().equals(file)) {
                file = block.getKey().file();
                before = 0;
            }
            bases.put(block.getKey(), block.getValue()[1] - before);
            before += block.getValue()[0];
        }
        return bases;
    }

    /** Physical lines of a record: those of its raw text when Spark kept it (a malformed record), else one. */
    public static Column lines() {
        Column raw = col(CsvDatasetReader.CORRUPT);
        Column breaks = length(raw).minus(length(regexp_replace(raw, "\\n", "")));
        return when(raw.isNull(), lit(1L)).otherwise(breaks.plus(1).cast("long"));
    }

    /**
     * The share of the input rejected, counting a rejected record as the lines it spans: rejected
     * lines over good records plus rejected lines.
     */
    public double rejectedShare() {
        long good = rows() - rejected();
        long weighed = good + rejectedLines;
        return weighed == 0 ? 0 : (double) rejectedLines / weighed;
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
