package dev.shoecatalog.testsupport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import dev.shoecatalog.model.Colors;
import dev.shoecatalog.model.Keys;
import dev.shoecatalog.model.Shoe;

/**
 * The rows of one product (its price observations), merged into the document the stores should
 * hold, by the design's rules and without the job's code: texts from the latest row that has one
 * (ties: the greatest value), lists distinct and sorted, earliest added, latest updated, lowest and
 * highest price.
 */
final class ExpectedProduct {

    /** One row's cells (lowercase headers) with its dates in epoch millis. */
    record Observation(Map<String, String> cells, Long added, long updated) {
    }

    private final String id;
    private final List<Observation> rows = new ArrayList<>();

    ExpectedProduct(String id) {
        this.id = id;
    }

    void add(Observation row) {
        rows.add(row);
    }

    long updated() {
        return rows.stream().mapToLong(Observation::updated).max().orElseThrow();
    }

    Shoe document() {
        String brand = latest(cells -> trimmed(cells.get("brand")));
        return new Shoe(id, latest(cells -> trimmed(cells.get("name"))), brand, brand == null ? null : Keys.normalize(brand),
                latest(cells -> trimmed(cells.get("manufacturer"))), items("categories"),
                Colors.display(cells("colors")), Colors.keys(cells("colors")),
                rows.stream().map(Observation::added).filter(a -> a != null).min(Long::compare).map(java.time.Instant::ofEpochMilli).orElse(null),
                java.time.Instant.ofEpochMilli(updated()),
                price("prices.amountmin", "prices.amountmax").min(Double::compare).orElse(null),
                price("prices.amountmax", "prices.amountmin").max(Double::compare).orElse(null),
                latest(cells -> trimmed(cells.get("prices.currency"))), items("sizes", "prices.size"),
                latest(cells -> first(cells.get("imageurls"))), latest(cells -> first(cells.get("sourceurls"))));
    }

    private String latest(Function<Map<String, String>, String> value) {
        return rows.stream().filter(row -> value.apply(row.cells()) != null)
                .max(Comparator.comparingLong(Observation::updated).thenComparing(row -> value.apply(row.cells())))
                .map(row -> value.apply(row.cells())).orElse(null);
    }

    private List<String> cells(String column) {
        return rows.stream().map(row -> row.cells().getOrDefault(column, "")).toList();
    }

    private List<String> items(String... columns) {
        TreeSet<String> items = new TreeSet<>();
        for (Observation row : rows) {
            for (String column : columns) {
                items.addAll(split(row.cells().get(column)));
            }
        }
        return List.copyOf(items);
    }

    /** The price of each row: its own column, else the other one (an empty cell counts as missing). */
    private java.util.stream.Stream<Double> price(String column, String fallback) {
        return rows.stream().map(row -> Optional.ofNullable(trimmed(row.cells().get(column))).orElse(trimmed(row.cells().get(fallback))))
                .filter(cell -> cell != null).map(Double::parseDouble);
    }

    private static List<String> split(String cell) {
        List<String> items = new ArrayList<>();
        if (cell != null) {
            for (String item : cell.split(",")) {
                if (!item.trim().isEmpty()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static String first(String cell) {
        List<String> items = split(cell);
        return items.isEmpty() ? null : items.get(0);
    }

    private static String trimmed(String cell) {
        return cell == null || cell.trim().isEmpty() ? null : cell.trim();
    }
}
