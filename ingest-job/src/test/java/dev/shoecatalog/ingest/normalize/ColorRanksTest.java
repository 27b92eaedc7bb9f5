package dev.shoecatalog.ingest.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import dev.shoecatalog.ingest.LocalSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColorRanksTest {

    private static final StructType RANKED = new StructType()
            .add("colorKeys", DataTypes.createArrayType(DataTypes.StringType))
            .add("latestRank", DataTypes.LongType);

    @Test
    void keepsTheNewestRanksOfEachColorKeyInAscendingOrderWhateverThePartitioning() {
        List<Row> rows = new ArrayList<>();
        Map<String, List<Long>> expected = new TreeMap<>();
        Random random = new Random(7);
        List<Long> ranks = new ArrayList<>();
        for (long rank = 0; rank < 2_000; rank++) {
            ranks.add(rank);
        }
        java.util.Collections.shuffle(ranks, random);
        for (long rank : ranks) {
            List<String> keys = new ArrayList<>(List.of("red"));
            if (rank % 3 == 0) {
                keys.add("blue");
            }
            if (rank == 1_999) {
                keys.add("only one");
            }
            rows.add(RowFactory.create(keys, rank));
        }
        for (long rank = 0; rank < 2_000; rank++) {
            if (expected.getOrDefault("red", List.of()).size() < 5) {
                expected.computeIfAbsent("red", key -> new ArrayList<>()).add(rank);
            }
            if (rank % 3 == 0 && expected.getOrDefault("blue", List.of()).size() < 5) {
                expected.computeIfAbsent("blue", key -> new ArrayList<>()).add(rank);
            }
        }
        expected.put("only one", List.of(1_999L));
        rows.add(RowFactory.create(null, 2_000L)); // no colors at all
        for (int partitions : new int[] {1, 4}) {
            Dataset<Row> ranked = LocalSpark.session().createDataFrame(rows, RANKED).repartition(partitions);
            Map<String, List<Long>> kept = new TreeMap<>();
            ColorRanks.apply(ranked, 5).collectAsMap()
                    .forEach((key, newest) -> kept.put(key, Arrays.stream(newest).boxed().toList()));
            assertThat(kept).as("%d partitions", partitions).isEqualTo(expected);
        }
    }

    @Test
    void theNewestHoldsEachRankOnceAndDropsTheOldestWhenFull() {
        ColorRanks.Newest newest = new ColorRanks.Newest(3);
        for (long rank : new long[] {9, 4, 4, 7, 1, 8, 0}) {
            newest.add(rank);
        }
        assertThat(newest.ranks()).containsExactly(0, 1, 4);
        ColorRanks.Newest other = new ColorRanks.Newest(3).add(2).add(6);
        assertThat(new ColorRanks.Newest(3).add(5).merge(other).ranks()).containsExactly(2, 5, 6);
        assertThat(new ColorRanks.Newest(1).add(3).add(2).add(5).ranks()).containsExactly(2);
        assertThatThrownBy(() -> ColorRanks.apply(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
