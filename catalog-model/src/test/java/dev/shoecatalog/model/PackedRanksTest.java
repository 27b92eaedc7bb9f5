package dev.shoecatalog.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedRanksTest {

    @Test
    void ranksRoundTripInFourBytesEachBigEndian() {
        long[] ranks = {0, 1, 255, 256, 65_536, PackedRanks.MAX_RANK};
        byte[] packed = PackedRanks.encode(ranks);
        assertThat(packed).hasSize(24);
        assertThat(packed).startsWith(0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, (byte) 255, 0, 0, 1, 0);
        assertThat(PackedRanks.decode(packed, 100)).containsExactly(ranks);
        assertThat(PackedRanks.decode(packed, 2)).containsExactly(0, 1);
        assertThat(PackedRanks.decode(new byte[0], 10)).isEmpty();
    }

    @Test
    void aRankOutsideFourBytesIsRefused() {
        assertThatThrownBy(() -> PackedRanks.encode(new long[] {PackedRanks.MAX_RANK + 1})).hasMessageContaining("4 bytes");
        assertThatThrownBy(() -> PackedRanks.encode(new long[] {-1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void colorKeysGoToTheirBucketWhileTheyFitACompactHashValue() {
        assertThat(CatalogKeys.inlineColor("black leather", CatalogKeys.INLINE_COLOR_RANKS)).isTrue();
        assertThat(CatalogKeys.inlineColor("black", CatalogKeys.INLINE_COLOR_RANKS + 1)).isFalse();
        assertThat(CatalogKeys.inlineColor("é".repeat(33), 1)).as("66 UTF-8 bytes").isFalse();
        assertThat(CatalogKeys.colorBuckets(0)).isEqualTo(1);
        assertThat(CatalogKeys.colorBuckets(64)).isEqualTo(1);
        assertThat(CatalogKeys.colorBuckets(65)).isEqualTo(2);
    }
}
