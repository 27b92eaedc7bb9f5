package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.shoecatalog.model.Colors;
import dev.shoecatalog.model.ProductIds;

/**
 * What the stores should hold, computed from the CSV files of a dataset without the ingest job:
 * product ids, latest dateUpdated and color keys per product, and the expected "latest" orders
 * (dateUpdated desc, then id desc).
 */
public final class ExpectedCatalog {

    private record Product(String id, long updated, Set<String> colorKeys) {
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
                List<List<String>> records = CsvRecords.read(file);
                List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
                for (List<String> record : records.subList(1, records.size())) {
                    if (record.size() != header.size()) {
                        continue; // malformed: rejected
                    }
                    Map<String, String> cells = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        cells.putIfAbsent(header.get(i), record.get(i));
                    }
                    String name = cells.get("name");
                    Long time = latestTime(blank(cells.get("dateupdated")) ? cells.get("dateadded") : cells.get("dateupdated"));
                    if (blank(name) || time == null || refusedByAStore(cells)) {
                        continue; // rejected
                    }
                    String id = blank(cells.get("id")) ? ProductIds.of(cells.get("brand"), name) : cells.get("id").trim();
                    updated.merge(id, time, Math::max);
                    colorKeys.computeIfAbsent(id, k -> new TreeSet<>())
                            .addAll(Colors.keys(List.of(cells.getOrDefault("colors", ""))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Product> products = new HashMap<>();
        updated.forEach((id, time) -> products.put(id, new Product(id, time, colorKeys.get(id))));
        return new ExpectedCatalog(products);
    }

    /** Cells a store would refuse: a price that is no finite non-negative number, an id over 512 bytes, a 5-digit year. */
    private static boolean refusedByAStore(Map<String, String> cells) {
        for (String price : List.of("prices.amountmin", "prices.amountmax")) {
            String cell = cells.get(price);
            if (!blank(cell)) {
                try {
                    double amount = Double.parseDouble(cell.trim());
                    if (!Double.isFinite(amount) || amount < 0) {
                        return true;
                    }
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        String id = cells.get("id");
        if (id != null && id.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 512) {
            return true;
        }
        return Stream.of(cells.get("dateadded"), cells.get("dateupdated")).filter(c -> !blank(c))
                .flatMap(c -> Stream.of(c.split(","))).anyMatch(ExpectedCatalog::yearOutOfRange);
    }

    private static boolean yearOutOfRange(String timestamp) {
        try {
            int year = Instant.parse(timestamp.trim()).atZone(java.time.ZoneOffset.UTC).getYear();
            return year < 1 || year > 9999;
        } catch (RuntimeException unparsable) {
            return false;
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

    /** Color keys ordered by how many products have them, most first. */
    public List<String> commonColorKeys(int limit) {
        Map<String, Integer> counts = new HashMap<>();
        products.values().forEach(p -> p.colorKeys().forEach(k -> counts.merge(k, 1, Integer::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /** The first n ids, newest first; colorKey null for all products. */
    public List<String> latest(String colorKey, int n) {
        return products.values().stream()
                .filter(p -> colorKey == null || p.colorKeys().contains(colorKey))
                .sorted(LATEST_FIRST).limit(n).map(Product::id).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
