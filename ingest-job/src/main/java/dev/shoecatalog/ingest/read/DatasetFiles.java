package dev.shoecatalog.ingest.read;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the CSV files of a dataset (a local directory or any Hadoop-supported URI) and reads the
 * header of each. Only headers are read on the driver; rows are read by the executors.
 */
public final class DatasetFiles {

    private DatasetFiles() {
    }

    /** The dataset's {@code *.csv} files, sorted by path; fails when the path is missing or has none. */
    public static List<CsvFile> list(String dataset, Configuration hadoopConf) throws IOException {
        Path root = new Path(dataset);
        FileSystem fs = root.getFileSystem(hadoopConf);
        if (!fs.exists(root)) {
            throw new DatasetException("dataset path does not exist: " + dataset);
        }
        FileStatus[] statuses = fs.getFileStatus(root).isDirectory() ? fs.listStatus(root) : new FileStatus[] {fs.getFileStatus(root)};
        List<FileStatus> csvs = Arrays.stream(statuses)
                .filter(FileStatus::isFile)
                .filter(status -> isVisibleCsv(status.getPath().getName()))
                .sorted(Comparator.comparing(status -> status.getPath().toString()))
                .toList();
        if (csvs.isEmpty()) {
            throw new DatasetException("no .csv file in dataset path: " + dataset);
        }
        List<CsvFile> files = new ArrayList<>(csvs.size());
        for (FileStatus status : csvs) {
            files.add(new CsvFile(status.getPath().toString(), status.getLen(), header(fs, status.getPath())));
        }
        return files;
    }

    private static boolean isVisibleCsv(String name) {
        return !name.startsWith(".") && !name.startsWith("_") && name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The first record of the file, parsed as CSV (quotes allowed), without a byte order mark. */
    static List<String> header(FileSystem fs, Path path) throws IOException {
        CsvParserSettings settings = new CsvParserSettings();
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setMaxColumns(100_000);
        settings.setMaxCharsPerColumn(-1);
        CsvParser parser = new CsvParser(settings);
        try (Reader reader = new InputStreamReader(fs.open(path), StandardCharsets.UTF_8)) {
            parser.beginParsing(reader);
            String[] first = parser.parseNext();
            parser.stopParsing();
            if (first == null) {
                return List.of();
            }
            return Arrays.stream(first).map(cell -> cell == null ? "" : cell.replace("\uFEFF", "").strip()).toList();
        }
    }
}
