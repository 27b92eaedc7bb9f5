package dev.shoecatalog.model;

import java.nio.ByteBuffer;

/**
 * Ranks stored as consecutive 4-byte big-endian unsigned numbers, the form of a color's ranks in Redis
 * ({@link CatalogKeys#colorBucket}, {@link CatalogKeys#color}): a fixed width, so that the first {@code n}
 * are the first {@code 4n} bytes, and a quarter or less of what a sorted set spends per member.
 */
public final class PackedRanks {

    public static final int BYTES = 4;
    /** Ranks must fit in four bytes: over four billion products. */
    public static final long MAX_RANK = 0xFFFF_FFFFL;

    private PackedRanks() {
    }

    public static byte[] encode(long[] ranks) {
        ByteBuffer packed = ByteBuffer.allocate(ranks.length * BYTES);
        for (long rank : ranks) {
            if (rank < 0 || rank > MAX_RANK) {
                throw new IllegalArgumentException("rank " + rank + " does not fit in " + BYTES + " bytes");
            }
            packed.putInt((int) rank);
        }
        return packed.array();
    }

    /** The first {@code max} ranks of a packed value (fewer when it holds fewer). */
    public static long[] decode(byte[] packed, int max) {
        int count = Math.min(max, packed.length / BYTES);
        long[] ranks = new long[count];
        ByteBuffer buffer = ByteBuffer.wrap(packed);
        for (int i = 0; i < count; i++) {
            ranks[i] = Integer.toUnsignedLong(buffer.getInt());
        }
        return ranks;
    }
}
