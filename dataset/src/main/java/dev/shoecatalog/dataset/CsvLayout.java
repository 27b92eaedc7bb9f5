package dev.shoecatalog.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column layouts of the three Datafiniti exports: the oldest with lowercase names, a UTF-8 BOM
 * and CRLF line ends; one with {@code id}; the June 2019 one without {@code id}.
 */
enum CsvLayout {

    LOWERCASE_WITH_ID("7210_1", true, "\r\n", List.of("id", "asins", "brand", "categories", "colors", "dateadded",
            "dateupdated", "dimension", "ean", "imageurls", "keys", "manufacturer", "name", "prices.amountmax",
            "prices.amountmin", "prices.currency", "prices.dateseen", "prices.size", "sizes", "sourceurls", "upc", "weight")),

    WITH_ID("Datafiniti_Womens_Shoes", false, "\n", List.of("id", "dateAdded", "dateUpdated", "asins", "brand",
            "categories", "primaryCategories", "colors", "dimension", "ean", "imageURLs", "keys", "manufacturer", "name",
            "prices.amountMax", "prices.amountMin", "prices.availability", "prices.currency", "prices.dateSeen",
            "prices.isSale", "prices.offer", "prices.size", "sizes", "sourceURLs", "upc", "weight")),

    JUN19_WITHOUT_ID("Datafiniti_Womens_Shoes_Jun19", false, "\n", List.of("dateAdded", "dateUpdated", "brand",
            "categories", "primaryCategories", "colors", "ean / upc", "name", "prices.amountMax", "prices.amountMin",
            "prices.availability", "prices.dateSeen", "prices.offer", "prices.size", "sizes"));

    private final String baseName;
    private final boolean byteOrderMark;
    private final String lineEnd;
    private final List<String> header;

    CsvLayout(String baseName, boolean byteOrderMark, String lineEnd, List<String> header) {
        this.baseName = baseName;
        this.byteOrderMark = byteOrderMark;
        this.lineEnd = lineEnd;
        this.header = header;
    }

    String fileName(int part) {
        return baseName + (part == 0 ? "" : "-part" + part) + ".csv";
    }

    boolean byteOrderMark() {
        return byteOrderMark;
    }

    String lineEnd() {
        return lineEnd;
    }

    List<String> header() {
        return header;
    }

    boolean hasId() {
        return header.contains("id");
    }

    /** The row's values in this layout's column order; a value is looked up by lowercased column name. */
    List<String> values(Map<String, String> valuesByLowercaseColumn) {
        return header.stream().map(column -> valuesByLowercaseColumn.get(column.toLowerCase(Locale.ROOT))).toList();
    }
}
