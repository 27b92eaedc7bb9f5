package dev.shoecatalog.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.univocity.parsers.common.record.Record;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.shoecatalog.ingest.normalize.ProductIds;
import dev.shoecatalog.model.Colors;

/**
 * What the stores should hold, computed from the CSV files without Spark: product ids, latest
 * dateUpdated and color keys per product, and the expected "latest" orders.
 */
public final class ExpectedCatalog {

    record Product(String id, long updated, Set<String> colorKeys) {
    }

    private static final Comparator<Product> LATEST_FIRST =
            Comparator.comparingLong(Product::updated).reversed().thenComparing(Product::id, Comparator.reverseOrder());

    private final Map<String, Product> products;

    private ExpectedCatalog(Map<String, Product> products) {
        this.products = products;
    }

    public static ExpectedCatalog of(Path dataset) {
        Map<String, Long> updated = new HashMap<>();
        Map<String, Set<String>> colorKeys = new HashMap<>();
        try (Stream<Path> files = Files.list(dataset)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                for (Record row : records(file)) {
                    Map<String, String> cells = new HashMap<>();
                    String[] headers = row.getMetaData().headers();
                    for (int i = 0; i < headers.length; i++) {
                        cells.putIfAbsent(headers[i].replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), row.getString(i));
                    }
                    if (row.getValues().length != headers.length) {
                        continue; // malformed: rejected
                    }
                    String name = cells.get("name");
                    Long time = latestTime(blank(cells.get("dateupdated")) ? cells.get("dateadded") : cells.get("dateupdated"));
                    if (blank(name) || time == null) {
                        continue;
                    }
                    String id = blank(cells.get("id")) ? ProductIds.of(cells.get("brand"), name) : cells.get("id").trim();
                    updated.merge(id, time, Math::max);
                    colorKeys.computeIfAbsent(id, k -> new TreeSet<>()).addAll(Colors.keys(List.of(nullToEmpty(cells.get("colors")))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Product> products = new HashMap<>();
        updated.forEach((id, time) -> products.put(id, new Product(id, time, colorKeys.get(id))));
        return new ExpectedCatalog(products);
    }

    private static List<Record> records(Path file) throws IOException {
        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(true);
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setMaxCharsPerColumn(-1);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new CsvParser(settings).parseAllRecords(reader);
        }
    }

    private static Long latestTime(String cell) {
        if (blank(cell)) {
            return null;
        }
        Long latest = null;
        for (String part : cell.split(",")) {
            try {
                long millis = Instant.parse(part.trim()).toEpochMilli();
                latest = latest == null ? millis : Math.max(latest, millis);
            } catch (RuntimeException unparsable) {
                // Another timestamp of the cell may parse.
            }
        }
        return latest;
    }

    public Set<String> ids() {
        return new TreeSet<>(products.keySet());
    }

    public Set<String> colorKeys() {
        Set<String> keys = new TreeSet<>();
        products.values().forEach(p -> keys.addAll(p.colorKeys()));
        return keys;
    }

    /** The first n ids, newest dateUpdated first, ties by id descending; colorKey null for all. */
    public List<String> latest(String colorKey, int n) {
        return products.values().stream()
                .filter(p -> colorKey == null || p.colorKeys().contains(colorKey))
                .sorted(LATEST_FIRST).limit(n).map(Product::id).toList();
    }

    public long updatedMillis(String id) {
        return products.get(id).updated();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
