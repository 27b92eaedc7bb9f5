package dev.shoecatalog.ingest.normalize;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import static dev.shoecatalog.model.ShoeFields.COLOR_KEYS;
import static dev.shoecatalog.model.ShoeFields.LATEST_RANK;

/**
 * The newest {@code keep} ranks of every color key of the ranked products, in ascending order (newest
 * first): what Redis holds per color, decided before writing so that each color is written once, in the
 * form its size calls for. Each task keeps at most {@code keep} ranks per key before the shuffle, so a
 * color of millions of products moves {@code keep} numbers per partition, not millions.
 */
public final class ColorRanks {

    private ColorRanks() {
    }

    public static JavaPairRDD<String, long[]> apply(Dataset<Row> ranked, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        return ranked.select(COLOR_KEYS, LATEST_RANK).javaRDD()
                .flatMapToPair(row -> {
                    long rank = row.getLong(1);
                    List<String> keys = row.isNullAt(0) ? List.of() : row.getList(0);
                    List<Tuple2<String, Long>> pairs = new ArrayList<>(keys.size());
                    keys.forEach(key -> pairs.add(new Tuple2<>(key, rank)));
                    return pairs.iterator();
                })
                .combineByKey(rank -> new Newest(keep).add(rank), Newest::add, Newest::merge)
                .mapValues(Newest::ranks);
    }

    /** The smallest ranks seen, at most {@code keep}, sorted; ranks arrive mostly ascending, so most are refused at once. */
    static final class Newest implements Serializable {
        private final int keep;
        private long[] ranks = new long[2];
        private int size;

        Newest(int keep) {
            this.keep = keep;
        }

        Newest add(long rank) {
            if (size == keep && rank >= ranks[size - 1]) {
                return this;
            }
            int at = Arrays.binarySearch(ranks, 0, size, rank);
            if (at >= 0) {
                return this; // already held (a product lists each color key once; a retried task may not)
            }
            at = -at - 1;
            if (size == ranks.length) {
                ranks = Arrays.copyOf(ranks, Math.min(keep, ranks.length * 2));
            }
            int moved = Math.min(size, keep - 1) - at;
            System.arraycopy(ranks, at, ranks, at + 1, moved);
            ranks[at] = rank;
            size = Math.min(size + 1, keep);
            return this;
        }

        Newest merge(Newest other) {
            for (int i = 0; i < other.size; i++) {
                add(other.ranks[i]);
            }
            return this;
        }

        long[] ranks() {
            return Arrays.copyOf(ranks, size);
        }
    }
}
