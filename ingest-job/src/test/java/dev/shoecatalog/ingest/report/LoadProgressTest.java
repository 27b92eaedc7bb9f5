package dev.shoecatalog.ingest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.shoecatalog.ingest.LocalSpark;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress lines on a real local Spark: counts that grow while a single long task runs, and the total at the end. */
class LoadProgressTest {

    private static final int ROWS = 900;

    @Test
    void aLongTaskShowsItsRowsWhileItRunsAndTheTotalAtTheEnd(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rows.txt");
        Files.write(file, IntStream.range(0, ROWS).mapToObj(i -> "row " + i).toList());
        SparkSession spark = LocalSpark.session();
        List<String> lines = new CopyOnWriteArrayList<>();
        LoadProgress progress = new LoadProgress(Map.of("read", new LoadProgress.Counter(LoadProgress.FILE_ROWS, "rows"),
                "write", new LoadProgress.Counter("products written in the test", "products")), Duration.ofMillis(500), lines::add);
        LongAccumulator written = spark.sparkContext().longAccumulator("products written in the test");
        spark.sparkContext().addSparkListener(progress);
        try (progress) {
            StageTimes stages = new StageTimes(progress);
            // One file, one task of about 9 s: longer than three heartbeats (every 3 s).
            long count = stages.time("read", () -> spark.read().textFile(file.toString()).coalesce(1)
                    .map((MapFunction<String, String>) row -> {
                        Thread.sleep(10);
                        return row;
                    }, Encoders.STRING()).count());
            stages.time("write", () -> spark.range(0, ROWS, 1, 1).foreachPartition((ForeachPartitionFunction<Long>) ids -> {
                while (ids.hasNext()) {
                    ids.next();
                    Thread.sleep(10);
                    written.add(1);
                }
            }));
            stages.time("swap", () -> { });
            assertThat(count).isEqualTo(ROWS);
        } finally {
            spark.sparkContext().removeSparkListener(progress);
        }
        assertThat(lines.get(0)).isEqualTo("read: started");
        List<Long> counts = counts("read: ([\\d,]+) rows in [\\d.]+ s \\(([\\d,]+) rows/s\\)", lines);
        assertThat(counts).as("progress lines: %s", lines).anyMatch(done -> done > 0 && done < ROWS);
        assertThat(counts).isSorted();
        assertThat(lines).anyMatch(line -> line.matches("read: done in [\\d.]+ s, 900 rows"));
        assertThat(counts("write: ([\\d,]+) products in [\\d.]+ s \\(([\\d,]+) products/s\\)", lines))
                .as("progress lines: %s", lines).anyMatch(done -> done > 0 && done < ROWS);
        assertThat(lines).anyMatch(line -> line.matches("write: done in [\\d.]+ s, 900 products"));
        assertThat(lines).contains("swap: started").anyMatch(line -> line.matches("swap: done in [\\d.]+ s"));
    }

    private static List<Long> counts(String line, List<String> lines) {
        Pattern pattern = Pattern.compile(line);
        return lines.stream().map(pattern::matcher).filter(Matcher::matches).map(m -> Long.parseLong(m.group(1).replace(",", ""))).toList();
    }
}
