package dev.shoecatalog.dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetWriterTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameBytes() throws Exception {
        List<Path> first = new DatasetWriter(5, 0.01, 3.5).write(dir.resolve("a"), 900, 3);
        List<Path> second = new DatasetWriter(5, 0.01, 3.5).write(dir.resolve("b"), 900, 3);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(first.get(i))).isEqualTo(Files.readAllBytes(second.get(i)));
        }
    }

    @Test
    void writesTheThreeLayoutsWithTheirQuirks() throws Exception {
        List<Path> files = new DatasetWriter(5, 0.05, 3.5).write(dir, 3000, 3);
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("7210_1.csv", "Datafiniti_Womens_Shoes.csv", "Datafiniti_Womens_Shoes_Jun19.csv");

        byte[] oldest = Files.readAllBytes(files.get(0));
        assertThat(new String(oldest, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        String oldestText = new String(oldest, StandardCharsets.UTF_8);
        assertThat(oldestText).startsWith("\uFEFFid,asins,brand").contains("\r\n").contains("dateupdated");

        String withId = Files.readString(files.get(1));
        assertThat(withId).startsWith("id,dateAdded,dateUpdated").doesNotContain("\r\n");
        String jun19 = Files.readString(files.get(2));
        assertThat(jun19).startsWith("dateAdded,dateUpdated,brand").doesNotContain("\nid,");

        String all = oldestText + withId + jun19;
        assertThat(all).contains("\"Online only\nFree returns, 30 days\"") // line break and comma inside a quoted cell
                .contains("\"10 in x 4 in\n\"\"boxed\"\"\"")                   // doubled quotes
                .contains(",unexpected extra field")                          // malformed rows
                .contains("last tuesday")                                     // unparsable dates
                .contains("Z,20");                                            // several dates in a cell
        assertThat(all).containsPattern("T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z").containsPattern("T\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void productsRepeatOverSeveralRows() throws Exception {
        Path file = new DatasetWriter(5, 0.0, 4).write(dir, 400, 1).get(0);
        long rows = Files.readAllLines(file).stream().filter(line -> line.startsWith("AV")).count();
        long products = Files.readAllLines(file).stream().filter(line -> line.startsWith("AV"))
                .map(line -> line.substring(0, line.indexOf(','))).distinct().count();
        assertThat(products).isBetween(90L, 110L);
        assertThat(rows).isGreaterThan(products * 3);
    }
}
