package dev.shoecatalog.ingest.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.shoecatalog.ingest.LocalSpark;
import dev.shoecatalog.ingest.normalize.RowRules;
import dev.shoecatalog.ingest.report.ReadCounts;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvDatasetReaderTest {

    @TempDir
    Path dir;

    private Dataset<Row> read() throws Exception {
        List<CsvFile> files = DatasetFiles.list(dir.toString(), LocalSpark.session().sparkContext().hadoopConfiguration());
        return CsvDatasetReader.read(LocalSpark.session(), files);
    }

    @Test
    void mergesFilesWithDifferentColumnsByName() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "\uFEFFid,NAME,colors,dateupdated\r\nA1,Shoe A,Red,2019-05-01T09:27:22Z\r\n");
        Files.writeString(dir.resolve("b.csv"), "dateUpdated,brand,name,Colors\n2019-04-25T12:35:00.000Z,Nike,\"Air, Max\",\"Black,Dark Wine Red\"\n");
        List<Row> rows = read().orderBy(col("name")).collectAsList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).<String>getAs("name")).isEqualTo("Air, Max");
        assertThat(rows.get(0).<String>getAs("brand")).isEqualTo("Nike");
        assertThat(rows.get(0).<String>getAs("id")).isNull();
        assertThat(rows.get(0).<String>getAs("colors")).isEqualTo("Black,Dark Wine Red");
        assertThat(rows.get(1).<String>getAs("id")).isEqualTo("A1");
        assertThat(rows.get(1).<String>getAs("dateUpdated")).isEqualTo("2019-05-01T09:27:22Z");
        assertThat(rows.get(1).<String>getAs(CsvDatasetReader.SOURCE_FILE)).endsWith("a.csv");
    }

    @Test
    void keepsLineBreaksInQuotedCellsAndNumbersRecordsPerFile() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "name,dateUpdated,prices.offer\n"
                + "One,2019-01-01T00:00:00Z,\"two\nlines, \"\"quoted\"\"\"\n"
                + "Two,2019-01-02T00:00:00Z,x\n"
                + "Three,2019-01-03T00:00:00Z,y\n");
        List<Row> rows = numbered(read()).orderBy(col(CsvDatasetReader.RECORD)).collectAsList();
        assertThat(rows).extracting(row -> row.<String>getAs("name")).containsExactly("One", "Two", "Three");
        assertThat(rows).extracting(row -> row.<Long>getAs(CsvDatasetReader.RECORD)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void numbersRecordsWithinEachFileWhenSeveralFilesShareATask() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "name,dateUpdated\nA1,2019-01-01T00:00:00Z\nA2,2019-01-01T00:00:00Z\nA3,\"x\ny\"\n");
        Files.writeString(dir.resolve("b.csv"), "dateUpdated,name\n2019-01-01T00:00:00Z,B1\n2019-01-01T00:00:00Z,B2\n");
        Files.writeString(dir.resolve("c.csv"), "name,dateUpdated\nC1,2019-01-01T00:00:00Z\n");
        // Spark packs small files into one task only when a task's share of the data is large; make it so here.
        RuntimeConfig conf = LocalSpark.session().conf();
        conf.set("spark.sql.files.openCostInBytes", "1");
        conf.set("spark.sql.files.minPartitionNum", "1");
        try {
            Dataset<Row> rows = read();
            assertThat(rows.filter(col("name").isin("A1", "C1")).select(spark_partition_id()).distinct().count())
                    .as("a.csv and c.csv, with the same header, are read by one task").isEqualTo(1);
            List<Row> rejectedOnly = numbered(rows.filter(col("name").isin("A3", "B2", "C1"))).orderBy(col("name")).collectAsList();
            assertThat(rejectedOnly).extracting(row -> row.<String>getAs("name") + "@" + row.<Long>getAs(CsvDatasetReader.RECORD))
                    .containsExactly("A3@3", "B2@2", "C1@1");
        } finally {
            conf.unset("spark.sql.files.openCostInBytes");
            conf.unset("spark.sql.files.minPartitionNum");
        }
    }

    /** Numbers some rows, with the record bases counted over all rows, as a run numbers its rejects. */
    private Dataset<Row> numbered(Dataset<Row> someRows) throws Exception {
        return CsvDatasetReader.withRecordNumbers(someRows, ReadCounts.of(RowRules.apply(read())).recordBases());
    }

    /**
     * A file larger than a split and without quoted line breaks is parsed in blocks by several tasks,
     * its records still numbered as in the file; one with a quoted line break is parsed whole.
     */
    @Test
    void aLargeFileWithoutQuotedLineBreaksIsSplitAndItsRecordsStillNumberedInFileOrder() throws Exception {
        StringBuilder lines = new StringBuilder("name,dateUpdated\n");
        StringBuilder quoted = new StringBuilder("name,dateUpdated\n");
        for (int i = 1; i <= 400; i++) {
            lines.append(i == 150 ? "R150,2019-01-01T00:00:00Z,extra\n" : "R" + i + ",\"2019-01-01T00:00:00Z\"\n");
            quoted.append(i == 7 ? "Q7,\"2019-01-01\nT00:00:00Z\"\n" : "Q" + i + ",2019-01-01T00:00:00Z\n");
        }
        Files.writeString(dir.resolve("lines.csv"), lines);
        Files.writeString(dir.resolve("quoted.csv"), quoted);
        RuntimeConfig conf = LocalSpark.session().conf();
        conf.set("spark.sql.files.maxPartitionBytes", "2000");
        conf.set("spark.sql.files.openCostInBytes", "1");
        try {
            Dataset<Row> rows = read();
            assertThat(rows.filter(col("name").startsWith("R")).select(spark_partition_id()).distinct().count())
                    .as("lines.csv is parsed by several tasks").isGreaterThan(2);
            assertThat(rows.filter(col(CsvDatasetReader.SOURCE_FILE).endsWith("quoted.csv")).select(spark_partition_id()).distinct().count())
                    .as("quoted.csv, with a line break in a quoted cell, by one").isEqualTo(1);
            List<Row> numbered = numbered(rows).collectAsList();
            assertThat(numbered).hasSize(800);
            for (Row row : numbered) {
                String name = row.getAs("name");
                assertThat(row.<Long>getAs(CsvDatasetReader.RECORD)).as(name).isEqualTo(Long.parseLong(name.substring(1)));
            }
            assertThat(numbered).filteredOn(row -> row.getAs(CsvDatasetReader.CORRUPT) != null)
                    .extracting(row -> row.<String>getAs("name")).containsExactly("R150");
            assertThat(numbered).filteredOn(row -> "Q7".equals(row.getAs("name")))
                    .extracting(row -> row.<String>getAs("dateUpdated")).containsExactly("2019-01-01\nT00:00:00Z");
        } finally {
            conf.unset("spark.sql.files.maxPartitionBytes");
            conf.unset("spark.sql.files.openCostInBytes");
        }
    }

    @Test
    void marksRecordsWithTheWrongNumberOfFieldsAsCorrupt() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "name,dateUpdated\nGood,2019-01-01T00:00:00Z\nBad,2019-01-01T00:00:00Z,extra\nShort\n");
        List<Row> rows = read().orderBy(col(CsvDatasetReader.ROW_ID)).collectAsList();
        assertThat(rows).extracting(row -> row.<String>getAs(CsvDatasetReader.CORRUPT))
                .containsExactly(null, "Bad,2019-01-01T00:00:00Z,extra", "Short");
    }

    @Test
    void reportsFilesWithoutAnyKnownColumnAndReadsTheOthers() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "name,dateUpdated\nGood,2019-01-01T00:00:00Z\n");
        Files.writeString(dir.resolve("junk.csv"), "foo,bar\n1,2\n");
        List<CsvFile> files = DatasetFiles.list(dir.toString(), LocalSpark.session().sparkContext().hadoopConfiguration());
        assertThat(CsvDatasetReader.unrecognized(files)).singleElement().asString().endsWith("junk.csv");
        assertThat(CsvDatasetReader.read(LocalSpark.session(), files).count()).isEqualTo(1);
    }

    @Test
    void failsClearlyOnAMissingOrEmptyDataset() throws Exception {
        assertThatThrownBy(() -> DatasetFiles.list(dir.resolve("nope").toString(), LocalSpark.session().sparkContext().hadoopConfiguration()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(this::read).isInstanceOf(DatasetException.class).hasMessageContaining("no .csv file");
    }
}
