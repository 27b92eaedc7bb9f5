package dev.shoecatalog.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.sum;

/**
 * The ingest benchmark's baseline: Spark's own CSV reader parsing every column of a dataset's files as
 * the job reads them (the files of one header together, {@code header}, {@code multiLine}, quotes
 * escaped by doubling), a hash of all columns summed so that nothing is pruned. Runs in its own
 * process on the job's Spark classpath; prints {@code parse-seconds <s>} for the run after a warm-up.
 * Arguments: {@code master dataset-directory}.
 */
public final class SparkCsvParse {

    private SparkCsvParse() {
    }

    public static void main(String[] args) throws IOException {
        SparkSession spark = SparkSession.builder().appName("spark-csv-parse").master(args[0])
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            Map<String, List<String>> byHeader = filesByHeader(Path.of(args[1]));
            long warmUp = parse(spark, byHeader);
            long start = System.nanoTime();
            long sum = parse(spark, byHeader);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (sum != warmUp) {
                throw new IllegalStateException("two parses of the same files differ");
            }
            System.out.println(String.format(Locale.ROOT, "parse-seconds %.3f", seconds));
        } finally {
            spark.stop();
        }
    }

    private static long parse(SparkSession spark, Map<String, List<String>> byHeader) {
        long total = 0;
        for (List<String> paths : byHeader.values()) {
            Dataset<Row> rows = spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
                    .csv(paths.toArray(String[]::new));
            Column[] columns = Arrays.stream(rows.columns()).map(name -> col("`" + name.replace("`", "``") + "`")).toArray(Column[]::new);
            Row result = rows.select(sum(hash(columns).cast("long"))).first();
            total += result.isNullAt(0) ? 0 : result.getLong(0);
        }
        return total;
    }

    private static Map<String, List<String>> filesByHeader(Path dataset) throws IOException {
        Map<String, List<String>> byHeader = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dataset)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    byHeader.computeIfAbsent(String.valueOf(reader.readLine()), header -> new ArrayList<>()).add(file.toString());
                }
            }
        }
        return byHeader;
    }
}
