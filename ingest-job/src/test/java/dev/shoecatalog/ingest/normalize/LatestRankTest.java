package dev.shoecatalog.ingest.normalize;

import java.util.List;

import dev.shoecatalog.ingest.LocalSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

class LatestRankTest {

    private static final StructType PRODUCTS = new StructType().add("id", DataTypes.StringType).add("dateUpdated", DataTypes.LongType);

    @Test
    void numbersProductsNewestFirstThenByIdDescendingWhateverThePartitioning() {
        List<Row> rows = List.of(RowFactory.create("a", 5L), RowFactory.create("c", 9L), RowFactory.create("b", 5L),
                RowFactory.create("d", 1L), RowFactory.create("B", 5L));
        for (int partitions : new int[] {1, 3}) {
            Dataset<Row> products = LocalSpark.session().createDataFrame(rows, PRODUCTS).repartition(4 - partitions);
            List<String> byRank = LatestRank.apply(products, partitions).orderBy(col("latestRank")).collectAsList().stream()
                    .map(row -> row.getString(0) + "=" + row.getLong(2)).toList();
            // Same dateUpdated: ids descending by their bytes ("b" > "a" > "B"), as Redis and Elasticsearch order them.
            assertThat(byRank).as("%d partitions", partitions).containsExactly("c=0", "b=1", "a=2", "B=3", "d=4");
        }
    }
}
