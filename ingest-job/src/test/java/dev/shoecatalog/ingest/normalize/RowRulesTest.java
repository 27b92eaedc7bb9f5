package dev.shoecatalog.ingest.normalize;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.shoecatalog.ingest.read.CsvDatasetReader;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowRulesTest {

    private static Row only(Map<String, String> cells) {
        List<Row> rows = RowRules.apply(Rows.of(cells)).collectAsList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void keepsTheFullTimestampInBothStylesOfTheRealData() {
        Row row = only(Rows.cells("name", "A", "dateAdded", "2019-04-25T12:35:00.123Z", "dateUpdated", "2019-05-01T09:27:22Z"));
        assertThat(row.<Long>getAs(RowRules.ADDED_MS)).isEqualTo(millis("2019-04-25T12:35:00.123Z"));
        assertThat(row.<Long>getAs(RowRules.UPDATED_MS)).isEqualTo(millis("2019-05-01T09:27:22Z"));
        assertThat(row.<String>getAs(RowRules.REJECT_REASON)).isNull();
    }

    @Test
    void takesTheEarliestAddedAndLatestUpdatedOfACellWithSeveralDates() {
        Row row = only(Rows.cells("name", "A",
                "dateAdded", "2018-01-01T00:00:00Z, 2017-06-01T10:00:00.500Z",
                "dateUpdated", "2019-01-01T00:00:00Z,2019-03-01T08:00:00.250Z,garbage"));
        assertThat(row.<Long>getAs(RowRules.ADDED_MS)).isEqualTo(millis("2017-06-01T10:00:00.500Z"));
        assertThat(row.<Long>getAs(RowRules.UPDATED_MS)).isEqualTo(millis("2019-03-01T08:00:00.250Z"));
    }

    @Test
    void fallsBackToDateAddedWhenDateUpdatedIsEmpty() {
        Row row = only(Rows.cells("name", "A", "dateAdded", "2018-01-01T00:00:00Z,2018-02-01T00:00:00Z"));
        assertThat(row.<Long>getAs(RowRules.UPDATED_MS)).isEqualTo(millis("2018-02-01T00:00:00Z"));
        assertThat(row.<String>getAs(RowRules.REJECT_REASON)).isNull();
    }

    @Test
    void givesTheReasonOfEachRejectedRow() {
        assertThat(only(Rows.cells("name", " ", "dateUpdated", "2019-01-01T00:00:00Z")).<String>getAs(RowRules.REJECT_REASON))
                .isEqualTo("missing_name");
        assertThat(only(Rows.cells("name", "A", "dateUpdated", "last tuesday", "dateAdded", "2019-01-01T00:00:00Z"))
                .<String>getAs(RowRules.REJECT_REASON)).isEqualTo("unparsable_date_updated");
        assertThat(only(Rows.cells("name", "A", "dateAdded", "soon")).<String>getAs(RowRules.REJECT_REASON))
                .isEqualTo("unparsable_date_added");
        assertThat(only(Rows.cells("name", "A")).<String>getAs(RowRules.REJECT_REASON)).isEqualTo("missing_date");
        assertThat(only(Rows.cells("name", "A", "dateUpdated", "2019-01-01T00:00:00Z", CsvDatasetReader.CORRUPT, "A,x,y"))
                .<String>getAs(RowRules.REJECT_REASON)).isEqualTo("malformed_record");
        assertThat(only(Rows.cells("name", "Caf\uFFFD", "dateUpdated", "2019-01-01T00:00:00Z")).<String>getAs(RowRules.REJECT_REASON))
                .isEqualTo("not_utf8");
    }

    @Test
    void acceptsCellsUpToTheLongestAKeywordCanHold() {
        String longest = "é".repeat(RowRules.MAX_FIELD_CHARS);
        assertThat(only(Rows.cells("name", "A", "colors", longest, "dateUpdated", "2019-01-01T00:00:00Z"))
                .<String>getAs(RowRules.REJECT_REASON)).isNull();
        assertThat(only(Rows.cells("name", "A", "sourceUrls", longest + "x", "dateUpdated", "2019-01-01T00:00:00Z"))
                .<String>getAs(RowRules.REJECT_REASON)).isEqualTo("field_too_long");
    }

    private static String reason(String... cells) {
        return only(Rows.cells(cells)).getAs(RowRules.REJECT_REASON);
    }

    @Test
    void rejectsPricesThatAreNotFiniteNonNegativeNumbers() {
        for (String price : new String[] {"NaN", "Infinity", "-Infinity", "1e400", "-3", "$59.99", "12,5"}) {
            assertThat(reason("name", "A", "dateUpdated", "2019-01-01T00:00:00Z", "amountMin", price)).as(price).isEqualTo("invalid_price");
            assertThat(reason("name", "A", "dateUpdated", "2019-01-01T00:00:00Z", "amountMax", price)).as(price).isEqualTo("invalid_price");
        }
        assertThat(reason("name", "A", "dateUpdated", "2019-01-01T00:00:00Z", "amountMin", " 59.99 ", "amountMax", "1e3")).isNull();
        assertThat(reason("name", "A", "dateUpdated", "2019-01-01T00:00:00Z", "amountMin", "0", "amountMax", " ")).isNull();
    }

    @Test
    void rejectsIdsLongerThanElasticsearchTakes() {
        String longest = "é".repeat(RowRules.MAX_ID_BYTES / 2);
        assertThat(reason("id", longest, "name", "A", "dateUpdated", "2019-01-01T00:00:00Z")).isNull();
        assertThat(reason("id", longest + "x", "name", "A", "dateUpdated", "2019-01-01T00:00:00Z")).isEqualTo("id_too_long");
        assertThat(reason("id", "x".repeat(600), "name", "A", "dateUpdated", "2019-01-01T00:00:00Z")).isEqualTo("id_too_long");
    }

    @Test
    void rejectsDatesOutsideFourDigitYears() {
        assertThat(reason("name", "A", "dateUpdated", "9999-12-31T23:59:59.999Z")).isNull();
        assertThat(reason("name", "A", "dateUpdated", "0001-01-01T00:00:00Z")).isNull();
        assertThat(reason("name", "A", "dateUpdated", "+10000-01-01T00:00:00Z")).isIn("date_out_of_range", "unparsable_date_updated");
        assertThat(reason("name", "A", "dateUpdated", "2019-01-01T00:00:00Z", "dateAdded", "-0100-01-01T00:00:00Z"))
                .isIn("date_out_of_range");
    }
}
