package dev.shoecatalog.ingest.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

/**
 * Reads CSV files whose columns differ from file to file into one DataFrame with the columns of
 * {@link SourceColumns#ALL} (null where a file lacks one), plus the source file, where its block
 * starts, a row id and Spark's corrupt-record text.
 *
 * <p>Files with the same header are read together, each with its own header applied by position
 * (Spark would otherwise apply the first file's columns to all). A file larger than a split
 * ({@code spark.sql.files.maxPartitionBytes}) with no quoted line break ({@link QuotedLineBreaks}) is
 * read by lines, in blocks that every core parses at once; the others whole ({@code multiLine}), one
 * task each. Either way the records of a block arrive in order: row ids increase by one within a
 * block, and a record's number in its file is its row id minus its block's base, plus one
 * ({@link #withRecordNumbers}, the bases from {@link dev.shoecatalog.ingest.report.ReadCounts}). The
 * reader does not number records itself: that would take another pass over the data, and only
 * rejected rows need a number.
 */
public final class CsvDatasetReader {

    public static final String SOURCE_FILE = "_source_file";
    public static final String RECORD = "_record";
    public static final String CORRUPT = "_corrupt_record";
    /** Where the record's block of its file starts, in bytes: 0 for a file read whole. */
    public static final String BLOCK_START = "_block_start";
    /** Increasing by one within a block; see {@link #withRecordNumbers}. */
    public static final String ROW_ID = "_row_id";
    private static final String RECORD_BASE = "_record_base";
    /**
     * Beyond this many columns, a file's rows are handed on as an RDD of the used columns only: Spark's
     * planner canonicalizes a relation in time quadratic in its column count, again for every later
     * query that contains it (10,000 columns took a minute for two rows).
     */
    static final int WIDE_FILE_COLUMNS = 500;
    /** {@code --max-cell-chars}' default: far above the longest cell a row may keep ({@code RowRules.MAX_FIELD_CHARS}). */
    public static final int DEFAULT_MAX_CELL_CHARS = 1_000_000;

    private CsvDatasetReader() {
    }

    /** Rows of the files that have at least one recognized column; see {@link #unrecognized}. */
    public static Dataset<Row> read(SparkSession spark, List<CsvFile> files) {
        return read(spark, files, DEFAULT_MAX_CELL_CHARS);
    }

    /**
     * The same, with the parser holding at most {@code maxCellChars} characters of a cell: an
     * unterminated quote makes the rest of its file one cell, and without a bound that cell is read
     * into memory whole. Past the bound the read fails ({@link ReadFailures#explain} names the file).
     */
    public static Dataset<Row> read(SparkSession spark, List<CsvFile> files, int maxCellChars) {
        List<CsvFile> recognized = files.stream().filter(file -> SourceColumns.recognizes(file.header())).toList();
        Map<List<String>, List<String>> pathsByHeader = new LinkedHashMap<>();
        for (CsvFile file : recognized) {
            pathsByHeader.computeIfAbsent(file.header(), h -> new ArrayList<>()).add(file.path());
        }
        if (pathsByHeader.isEmpty()) {
            throw new DatasetException("no file has a recognizable column (expected some of " + SourceColumns.ALL + ")");
        }
        long splitBytes = spark.sessionState().conf().filesMaxPartitionBytes();
        Set<String> splittable = QuotedLineBreaks.splittable(spark, recognized, splitBytes);
        Dataset<Row> all = null;
        for (Map.Entry<List<String>, List<String>> group : pathsByHeader.entrySet()) {
            for (boolean whole : new boolean[] {true, false}) {
                List<String> paths = group.getValue().stream().filter(path -> splittable.contains(path) != whole).toList();
                if (!paths.isEmpty()) {
                    Dataset<Row> rows = readGroup(spark, group.getKey(), paths, maxCellChars, whole);
                    all = all == null ? rows : all.unionByName(rows);
                }
            }
        }
        return all;
    }

    /** The files without any column the job uses: reported by name, not read. */
    public static List<String> unrecognized(List<CsvFile> files) {
        return files.stream().filter(file -> !SourceColumns.recognizes(file.header())).map(CsvFile::path).toList();
    }

    private static Dataset<Row> readGroup(SparkSession spark, List<String> header, List<String> paths, int maxCellChars,
                                          boolean whole) {
        List<String> fieldNames = SourceColumns.fieldNames(header);
        List<String> schemaNames = schemaNames(header);
        StructType schema = new StructType();
        for (String name : schemaNames) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        schema = schema.add(CORRUPT, DataTypes.StringType, true);
        Dataset<Row> raw = spark.read()
                .schema(schema)
                .option("header", true)
                .option("enforceSchema", true)
                .option("multiLine", whole)
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .option("maxCharsPerColumn", maxCellChars)
                .option("columnNameOfCorruptRecord", CORRUPT)
                .csv(paths.toArray(String[]::new));
        List<Column> columns = new ArrayList<>();
        for (String name : SourceColumns.ALL) {
            int position = fieldNames.indexOf(name);
            columns.add(position >= 0 ? col(quoted(schemaNames.get(position))).as(name) : lit(null).cast(DataTypes.StringType).as(name));
        }
        columns.add(col("_metadata.file_path").as(SOURCE_FILE));
        columns.add(col("_metadata.file_block_start").as(BLOCK_START));
        columns.add(col(CORRUPT));
        columns.add(monotonically_increasing_id().as(ROW_ID));
        Dataset<Row> used = raw.select(columns.toArray(Column[]::new));
        return header.size() > WIDE_FILE_COLUMNS ? spark.createDataFrame(used.javaRDD(), used.schema()) : used;
    }

    /**
     * The file's own column names as the read schema, so that Spark's header check agrees with it;
     * blank names get a placeholder and repeated ones (Spark compares names case-insensitively) a suffix.
     */
    static List<String> schemaNames(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).isBlank() ? "_c" + i : header.get(i);
            if (!taken.add(name.toLowerCase(Locale.ROOT)) || name.equalsIgnoreCase(CORRUPT)) {
                name = name + "_" + i;
                taken.add(name.toLowerCase(Locale.ROOT));
            }
            names.add(name);
        }
        return names;
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * Adds {@link #RECORD}, the 1-based record number within its file, to rows of {@link #read}, given
     * each block's base: its first row id minus the records of the file's earlier blocks
     * ({@link dev.shoecatalog.ingest.report.ReadCounts#recordBases}).
     */
    public static Dataset<Row> withRecordNumbers(Dataset<Row> rows, Map<Block, Long> recordBases) {
        List<Row> bases = recordBases.entrySet().stream()
                .map(base -> RowFactory.create(base.getKey().file(), base.getKey().start(), base.getValue())).toList();
        StructType schema = new StructType().add(SOURCE_FILE, DataTypes.StringType).add(BLOCK_START, DataTypes.LongType)
                .add(RECORD_BASE, DataTypes.LongType);
        return rows.join(broadcast(rows.sparkSession().createDataFrame(bases, schema)), new String[] {SOURCE_FILE, BLOCK_START})
                .withColumn(RECORD, col(ROW_ID).minus(col(RECORD_BASE)).plus(1))
                .drop(RECORD_BASE);
    }

    /** A block of a file, by where it starts: records of one block arrive in order. */
    public record Block(String file, long start) implements Comparable<Block> {
        @Override
        public int compareTo(Block other) {
            int byFile = file.compareTo(other.file);
            return byFile != 0 ? byFile : Long.compare(start, other.start);
        }
    }
}
