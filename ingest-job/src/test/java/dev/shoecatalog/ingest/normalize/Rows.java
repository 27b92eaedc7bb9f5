package dev.shoecatalog.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shoecatalog.ingest.LocalSpark;
import dev.shoecatalog.ingest.read.CsvDatasetReader;
import dev.shoecatalog.ingest.read.SourceColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small DataFrames shaped like the reader's output, for testing the normalization steps. */
final class Rows {

    private Rows() {
    }

    /** Cells from alternating column names and values. */
    static Map<String, String> cells(String... namesAndValues) {
        Map<String, String> cells = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            cells.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return cells;
    }

    /** One row per map, keyed by {@link SourceColumns} names; absent cells are null. */
    @SafeVarargs
    static Dataset<Row> of(Map<String, String>... cells) {
        StructType schema = new StructType();
        for (String column : SourceColumns.ALL) {
            schema = schema.add(column, DataTypes.StringType);
        }
        schema = schema.add(CsvDatasetReader.SOURCE_FILE, DataTypes.StringType)
                .add(CsvDatasetReader.CORRUPT, DataTypes.StringType)
                .add(CsvDatasetReader.RECORD, DataTypes.LongType);
        List<Row> rows = new ArrayList<>();
        long record = 1;
        for (Map<String, String> row : cells) {
            List<Object> values = new ArrayList<>();
            SourceColumns.ALL.forEach(column -> values.add(row.get(column)));
            values.add("test.csv");
            values.add(row.get(CsvDatasetReader.CORRUPT));
            values.add(record++);
            rows.add(RowFactory.create(values.toArray()));
        }
        return LocalSpark.session().createDataFrame(rows, schema);
    }
}
