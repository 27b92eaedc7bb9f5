package dev.shoecatalog.ingest.normalize;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;

import static dev.shoecatalog.model.ShoeFields.DATE_UPDATED;
import static dev.shoecatalog.model.ShoeFields.ID;
import static dev.shoecatalog.model.ShoeFields.LATEST_RANK;
import static org.apache.spark.sql.functions.col;

/**
 * Numbers products 0, 1, 2... in the "latest" order (dateUpdated desc, then id desc) with a
 * range-partitioned sort and {@code zipWithIndex}, not a single-partition window. Ids are unique, so
 * the order is total and the same data always gets the same numbers, however it is partitioned.
 * The sort has as many partitions as the writes will use: {@code orderBy} would use the SQL shuffle
 * setting (200), and its tasks run in every one of the jobs that ranking takes.
 */
public final class LatestRank {

    private LatestRank() {
    }

    public static Dataset<Row> apply(Dataset<Row> products, int partitions) {
        Column[] latestFirst = {col(DATE_UPDATED).desc(), col(ID).desc()};
        Dataset<Row> sorted = products.repartitionByRange(partitions, latestFirst).sortWithinPartitions(latestFirst);
        JavaRDD<Row> ranked = sorted.javaRDD().zipWithIndex().map(rowAndRank -> {
            Row row = rowAndRank._1();
            Object[] values = new Object[row.size() + 1];
            for (int i = 0; i < row.size(); i++) {
                values[i] = row.get(i);
            }
            values[row.size()] = rowAndRank._2();
            return RowFactory.create(values);
        });
        return products.sparkSession().createDataFrame(ranked, sorted.schema().add(LATEST_RANK, DataTypes.LongType, false));
    }
}
