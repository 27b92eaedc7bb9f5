package dev.shoecatalog.ingest.normalize;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.shoecatalog.ingest.write.ShoeRows;
import dev.shoecatalog.model.ProductIds;
import dev.shoecatalog.model.Shoe;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

class ProductAggregationTest {

    private static List<Shoe> products(Dataset<Row> rows) {
        return ProductAggregation.apply(RowRules.apply(rows).filter(col(RowRules.REJECT_REASON).isNull()))
                .orderBy(col("id")).collectAsList().stream().map(ShoeRows::toShoe).toList();
    }

    @Test
    void mergesThePriceObservationsOfOneProduct() {
        List<Shoe> shoes = products(Rows.of(
                Rows.cells("brand", "Nike", "name", "Air  Max", "colors", "Black,RED", "dateAdded", "2019-01-02T00:00:00Z",
                        "dateUpdated", "2019-02-01T00:00:00Z", "amountMin", "20.5", "amountMax", "30", "sizes", "7,8",
                        "categories", "Shoes, Womens Shoes", "imageUrls", "https://a/1.jpg,https://a/2.jpg", "currency", "USD"),
                Rows.cells("brand", "NIKE ", "name", "air max", "colors", "Dark Wine Red", "dateAdded", "2019-01-01T00:00:00.250Z",
                        "dateUpdated", "2019-03-01T10:11:12.345Z", "amountMin", "18", "amountMax", "25", "priceSize", "9",
                        "categories", "Shoes,Boots")));
        assertThat(shoes).hasSize(1);
        Shoe shoe = shoes.get(0);
        assertThat(shoe.id()).isEqualTo(ProductIds.of("nike", "AIR MAX"));
        assertThat(shoe.name()).isEqualTo("air max");
        assertThat(shoe.brand()).isEqualTo("NIKE");
        assertThat(shoe.brandKey()).isEqualTo("nike");
        assertThat(shoe.dateAdded()).isEqualTo(Instant.parse("2019-01-01T00:00:00.250Z"));
        assertThat(shoe.dateUpdated()).isEqualTo(Instant.parse("2019-03-01T10:11:12.345Z"));
        assertThat(shoe.priceMin()).isEqualTo(18.0);
        assertThat(shoe.priceMax()).isEqualTo(30.0);
        assertThat(shoe.currency()).isEqualTo("USD");
        assertThat(shoe.sizes()).containsExactly("7", "8", "9");
        assertThat(shoe.categories()).containsExactly("Boots", "Shoes", "Womens Shoes");
        assertThat(shoe.colors()).containsExactly("Black", "Dark Wine Red", "RED");
        assertThat(shoe.colorKeys()).containsExactly("black", "dark", "dark wine red", "red", "wine");
        assertThat(shoe.imageUrl()).isEqualTo("https://a/1.jpg");
    }

    @Test
    void usesTheIdColumnWhenPresentAndNeverEanOrUpc() {
        List<Shoe> shoes = products(Rows.of(
                Rows.cells("id", "AVpfA", "name", "One", "dateUpdated", "2019-01-01T00:00:00Z"),
                Rows.cells("id", "AVpfB", "name", "One", "dateUpdated", "2019-01-01T00:00:00Z")));
        assertThat(shoes).extracting(Shoe::id).containsExactly("AVpfA", "AVpfB");
    }

    @Test
    void givesTheSameDocumentsWhateverTheRowOrder() {
        Map<String, String> a = Rows.cells("brand", "Vans", "name", "Old Skool", "colors", "black", "dateUpdated", "2019-01-01T00:00:00Z", "amountMax", "50");
        Map<String, String> b = Rows.cells("brand", "Vans", "name", "Old Skool", "colors", "BLACK,White", "dateUpdated", "2019-01-01T00:00:00Z", "amountMax", "40");
        assertThat(products(Rows.of(a, b))).isEqualTo(products(Rows.of(b, a)));
    }

    @Test
    void takesTheFirstNonEmptyItemOfAListCellAndTheItemsOfEveryRow() {
        List<Shoe> shoes = products(Rows.of(
                Rows.cells("id", "A", "name", "One", "dateUpdated", "2019-01-01T00:00:00Z", "imageUrls", " , https://a/1.jpg ,x",
                        "sourceUrls", "  https://a/page  ", "categories", " ,Shoes,, Boots ", "sizes", "8, ,7"),
                Rows.cells("id", "A", "name", "One", "dateUpdated", "2018-01-01T00:00:00Z", "imageUrls", "https://a/old.jpg",
                        "sourceUrls", " ", "categories", "Shoes", "priceSize", " 9,8 "),
                Rows.cells("id", "B", "name", "Two", "dateUpdated", "2019-01-01T00:00:00Z", "imageUrls", " , ",
                        "sourceUrls", "https://b/page")));
        assertThat(shoes).extracting(Shoe::imageUrl).containsExactly("https://a/1.jpg", null);
        assertThat(shoes).extracting(Shoe::sourceUrl).containsExactly("https://a/page", "https://b/page");
        assertThat(shoes.get(0).categories()).containsExactly("Boots", "Shoes");
        assertThat(shoes.get(0).sizes()).containsExactly("7", "8", "9");
        assertThat(shoes.get(1).categories()).isEmpty();
        assertThat(shoes.get(1).sizes()).isEmpty();
    }
}
