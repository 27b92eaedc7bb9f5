package dev.shoecatalog.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.TestStores;

/**
 * The sample dataset plus one file of cases that search must get right in both stores: a brand with
 * a comma, names with stop words and plurals, colors written like query syntax, and ten products
 * updated at the same millisecond (ties that pages must cut without repeats or gaps).
 */
public final class SearchCatalog {

    public static final String COMMA_BRAND = "Nine West, Inc.";
    /** Colors written like RediSearch or Lucene syntax; each is a product's real color here. */
    public static final List<String> SYNTAX_COLORS = List.of("red) | @name:(x", "Red*", "@colorKeys:{red}", "red}|{black",
            "~red", "' OR 1=1 --", "crème", "红色", "%", "red|black", "{}", "*", "(", "\\", "\"", "-red", "[0 100]");

    private static Path dataset;

    private SearchCatalog() {
    }

    public static synchronized Path dataset() {
        if (dataset == null) {
            try {
                Path dir = Files.createDirectories(TestStores.logDir().resolve("search-catalog"));
                try (Stream<Path> files = Files.list(Datasets.sample())) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.writeString(dir.resolve("search-cases.csv"), searchCases());
                dataset = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataset;
    }

    public static ExpectedCatalog expected() {
        return ExpectedCatalog.of(dataset());
    }

    private static String searchCases() {
        StringBuilder csv = new StringBuilder("id,name,brand,dateUpdated,colors,prices.amountMin,prices.amountMax\n");
        row(csv, "case-comma-1", "Nine West Slip On Sneaker", COMMA_BRAND, "2019-06-01T00:00:00Z", "Black", "40", "50");
        row(csv, "case-comma-2", "The Walker", COMMA_BRAND, "2019-06-02T00:00:00Z", "Navy", "30", "35");
        row(csv, "case-nine", "Nine West Boot", "Nine West", "2019-06-02T00:00:01Z", "Black", "60", "70");
        row(csv, "case-stop", "On The Go Boots", "Acme", "2019-06-02T00:00:02Z", "Brown", "25", "30");
        for (int i = 0; i < SYNTAX_COLORS.size(); i++) {
            row(csv, "case-color-" + i, "Syntax Color Shoe " + i, "Acme", "2019-06-03T00:00:0" + (i % 10) + "Z",
                    SYNTAX_COLORS.get(i), "10", "20");
        }
        for (char tie = 'a'; tie <= 'j'; tie++) {
            row(csv, "case-tie-" + tie, "Tie Shoe " + tie, "Tie Co", "2019-06-04T12:00:00.500Z", "Green", "15", "15");
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        csv.append(Stream.of(cells).map(cell -> "\"" + cell.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","))).append('\n');
    }
}
