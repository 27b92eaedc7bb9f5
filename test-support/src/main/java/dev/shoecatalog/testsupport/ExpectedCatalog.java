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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.shoecatalog.model.Colors;
import dev.shoecatalog.model.Keys;
import dev.shoecatalog.model.ProductIds;
import dev.shoecatalog.model.Shoe;

/**
 * What the stores should hold, computed from the CSV files of a dataset without the ingest job:
 * each product's whole document ({@link ExpectedProduct}), the expected "latest" orders (dateUpdated
 * desc, then id desc), and the answer to any search as the API defines it.
 */
public final class ExpectedCatalog {

    private static final Comparator<Shoe> LATEST_FIRST =
            Comparator.comparing(Shoe::dateUpdated).reversed().thenComparing(Shoe::id, Comparator.reverseOrder());

    private final Map<String, Shoe> products;

    private ExpectedCatalog(Map<String, Shoe> products) {
        this.products = products;
    }

    public static ExpectedCatalog of(Path dataset) {
        Map<String, ExpectedProduct> products = new HashMap<>();
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
                    products.computeIfAbsent(id, ExpectedProduct::new)
                            .add(new ExpectedProduct.Observation(cells, earliestTime(cells.get("dateadded")), time));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Shoe> documents = new HashMap<>();
        products.forEach((id, product) -> documents.put(id, product.document()));
        return new ExpectedCatalog(documents);
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
        return times(cell).max().stream().boxed().findFirst().orElse(null);
    }

    private static Long earliestTime(String cell) {
        return times(cell).min().stream().boxed().findFirst().orElse(null);
    }

    /** The parsable timestamps of a cell, which may hold several separated by commas. */
    private static java.util.stream.LongStream times(String cell) {
        if (blank(cell)) {
            return java.util.stream.LongStream.empty();
        }
        return Stream.of(cell.split(",")).flatMapToLong(part -> {
            try {
                return java.util.stream.LongStream.of(Instant.parse(part.trim()).toEpochMilli());
            } catch (RuntimeException unparsable) {
                return java.util.stream.LongStream.empty();
            }
        });
    }

    public Set<String> ids() {
        return new TreeSet<>(products.keySet());
    }

    public Set<String> colorKeys() {
        Set<String> keys = new TreeSet<>();
        products.values().forEach(p -> keys.addAll(p.colorKeys()));
        return keys;
    }

    /** The whole document of a product, as both stores should return it. */
    public Optional<Shoe> document(String id) {
        return Optional.ofNullable(products.get(id));
    }

    /**
     * The ids a search should return, newest first. Every given filter must hold: each word of
     * {@code q} (runs of letters and digits, lowercased; a query with none matches nothing) is a word of
     * the name, the brand and a color key equal the normalized values, the lowest price is within bounds.
     */
    public List<String> search(String q, String brand, String color, Double minPrice, Double maxPrice) {
        List<String> words = q == null ? List.of() : words(q);
        if (q != null && words.isEmpty()) {
            return List.of();
        }
        return products.values().stream()
                .filter(shoe -> words(shoe.name()).containsAll(words))
                .filter(shoe -> brand == null || Keys.normalize(brand).equals(shoe.brandKey()))
                .filter(shoe -> color == null || shoe.colorKeys().contains(Colors.queryKey(color)))
                .filter(shoe -> minPrice == null || (shoe.priceMin() != null && shoe.priceMin() >= minPrice))
                .filter(shoe -> maxPrice == null || (shoe.priceMin() != null && shoe.priceMin() <= maxPrice))
                .sorted(LATEST_FIRST).map(Shoe::id).toList();
    }

    private static List<String> words(String text) {
        return Stream.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).toList();
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
                .sorted(LATEST_FIRST).limit(n).map(Shoe::id).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
