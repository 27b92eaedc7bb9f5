package dev.shoecatalog.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart README's table of values is made from the {@code # --} comments of values.yaml (the
 * helm-docs convention), never written twice: this fails when they drift apart, and
 * {@code bin/regenerate} (-Dchart.docs=write) writes the table again.
 */
class ValuesDocsTest {

    private static final String BEGIN = "<!-- values table: made from values.yaml by bin/regenerate -->\n";
    private static final String END = "<!-- end of the values table -->\n";
    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z][\\w-]*):(?: (.*))?$");

    record Row(String key, String defaultValue, String description) {
    }

    /** A row per value with a {@code # --} comment: its dotted key, its default as written, the comment. */
    static List<Row> rows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        List<String> path = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        StringBuilder comment = null;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# -- ")) {
                comment = new StringBuilder(trimmed.substring(5));
                continue;
            }
            if (trimmed.startsWith("#") && comment != null) {
                comment.append(' ').append(trimmed.substring(1).strip());
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (!key.matches()) {
                comment = null;
                continue;
            }
            int indent = key.group(1).length();
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                path.remove(path.size() - 1);
            }
            indents.add(indent);
            path.add(key.group(2));
            if (comment != null) {
                String value = key.group(3) == null ? "" : key.group(3).replaceAll("\\s+#.*$", "").strip();
                rows.add(new Row(String.join(".", path), value.isEmpty() ? "(see values.yaml)" : value, comment.toString()));
            }
            comment = null;
        }
        return rows;
    }

    static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder(BEGIN).append("| key | default | description |\n|---|---|---|\n");
        for (Row row : rows) {
            table.append("| `").append(row.key()).append("` | `").append(row.defaultValue()).append("` | ")
                    .append(row.description().replace("|", "\\|")).append(" |\n");
        }
        return table.append(END).toString();
    }

    @Test
    void theReadmesTableOfValuesIsMadeFromValuesYaml() throws IOException {
        Path readme = Sources.chart().resolve("README.md");
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("the values table's markers in the chart README").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = text.substring(0, begin) + table(rows(Files.readAllLines(Sources.chart().resolve("values.yaml"))))
                + text.substring(end + END.length());
        if ("write".equals(System.getProperty("chart.docs"))) {
            Files.writeString(readme, expected);
        }
        assertThat(Files.readString(readme)).as("the chart README's values table differs from values.yaml: run bin/regenerate")
                .isEqualTo(expected);
    }

    @Test
    void aCommentedValueNestedInAnotherIsNamedByItsFullKey() {
        List<Row> rows = rows(List.of("redis:", "  # -- Keep it.", "  # Across restarts.", "  persistence:", "    enabled: true",
                "    # -- aof or rdb.", "    mode: aof", "  image: redis:8", "query:", "  # -- Replicas.", "  replicas: 1  # one"));
        assertThat(rows).containsExactly(new Row("redis.persistence", "(see values.yaml)", "Keep it. Across restarts."),
                new Row("redis.persistence.mode", "aof", "aof or rdb."), new Row("query.replicas", "1", "Replicas."));
    }
}
