package dev.shoecatalog.model;

/**
 * Names of everything the stores hold for one generation {@code g} (see the design's Redis and
 * Elasticsearch layout). Readers resolve {@code g} from {@link #CURRENT} or the {@link #ALIAS}.
 */
public final class CatalogKeys {

    /**
     * The hash tag of the control keys: Redis Cluster puts every key containing {@code {shoes}} in one
     * slot, so the scripts that read and change them together stay atomic there too.
     */
    private static final String CONTROL = "{shoes}:";

    /** Redis string holding the generation that readers use. */
    public static final String CURRENT = CONTROL + "current";
    /** Elasticsearch alias pointing at the current generation's index. */
    public static final String ALIAS = "shoes";
    /** Every generation's index, for calls that act on all of them (the alias switch, listing leftovers). */
    public static final String INDEX_PATTERN = "shoes-*";
    /**
     * When a generation's load finished (ISO-8601): a field of the Elasticsearch index's mapping
     * {@code _meta}; Redis has it as {@code finished} in the meta hash.
     */
    public static final String LOADED_AT = "loadedAt";
    /** Redis string held by the one load (or rollback) running on this catalog: its lease. */
    public static final String LOCK = CONTROL + "lock";
    /**
     * Redis hash of every generation that may have anything in Redis, field = the number, value = its
     * state, run and time ({@code loading run=1a2b3c4d at=...}): written before its first key and removed
     * after its last, so leftovers of crashed runs are found without scanning the keyspace.
     */
    public static final String REGISTRY = CONTROL + "registry";
    /** Redis counter the generation numbers come from: it only grows, so no number is used twice. */
    public static final String SEQUENCE = CONTROL + "sequence";

    /** Products per document list: a generation's documents are {@code ceil(products / 64)} lists. */
    public static final int DOCS_PER_BUCKET = 64;
    /** Meta fields that say how a generation is laid out, written before its first document. */
    public static final String META_PRODUCTS = "products";
    public static final String META_ID_BUCKETS = "idBuckets";
    public static final String META_COLOR_KEEP = "colorKeep";
    public static final String META_COLOR_BUCKETS = "colorBuckets";
    public static final String META_SEARCH_INDEX = "searchIndex";
    /**
     * How the search index holds the name's words: {@value #SEARCH_WORDS_AS_TAGS}, or (a generation loaded
     * before they were tags, without this field) as text.
     */
    public static final String META_SEARCH_WORDS = "searchWords";
    public static final String SEARCH_WORDS_AS_TAGS = "tags";

    private CatalogKeys() {
    }

    /**
     * Stands for the generation in key templates, for code that learns the generation only on the
     * server (a script that reads {@link #CURRENT} first): {@code docs(GENERATION_PLACEHOLDER)}.
     */
    public static final String GENERATION_PLACEHOLDER = "{g}";

    /** Every Redis key of generation g but its meta hash starts with this. */
    public static String generationPrefix(long g) {
        return generationPrefix(Long.toString(g));
    }

    public static String generationPrefix(String g) {
        return "shoes:" + g + ":";
    }

    /**
     * Prefix of the lists holding generation g's documents: list {@code prefix + rank / 64}, element
     * {@code rank % 64}, is the {@link ShoeJson} of the product at that rank (its position in the
     * "latest" order, 0 = newest); an element not (yet) written is empty. A list keeps its elements in
     * one compact block of a few bytes' overhead each, where a hash field would cost about 80. "Latest n"
     * is then the first elements of the first lists, with no index to read.
     */
    public static String docsPrefix(String g) {
        return generationPrefix(g) + "d:";
    }

    /** The list holding the document of a rank. */
    public static String docs(long g, long rank) {
        return docList(g, docBucket(rank));
    }

    /** Document list number {@code list} (0 to {@link #docBuckets} - 1) of generation g. */
    public static String docList(long g, long list) {
        return docsPrefix(Long.toString(g)) + list;
    }

    public static long docBucket(long rank) {
        return rank / DOCS_PER_BUCKET;
    }

    /** The element of its document list a rank is at. */
    public static int docSlot(long rank) {
        return (int) (rank % DOCS_PER_BUCKET);
    }

    public static long docBuckets(long products) {
        return (products + DOCS_PER_BUCKET - 1) / DOCS_PER_BUCKET;
    }

    /**
     * Prefix of the hashes mapping ids to ranks: hash {@code prefix + (crc32(id) mod idBuckets)}, field id,
     * value rank. About 64 ids per hash keeps each a compact listpack (Redis's default limit is 128 entries).
     */
    public static String idsPrefix(String g) {
        return generationPrefix(g) + "id:";
    }

    public static String ids(long g, String id, long idBuckets) {
        return idsPrefix(Long.toString(g)) + (keyHash(id) % idBuckets);
    }

    public static String ids(long g, long bucket) {
        return idsPrefix(Long.toString(g)) + bucket;
    }

    public static long idBuckets(long products) {
        return Math.max(1, docBuckets(products));
    }

    /**
     * CRC-32 of the UTF-8 bytes of an id or a color key, which picks its hash: 0 to 2^32 - 1, exact in a
     * Lua number, so a script finds the same hash.
     */
    public static long keyHash(String key) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * Hash of the color keys of one bucket ({@code crc32(colorKey) mod colorBuckets}): field the color
     * key, value the newest ranks of its products {@link PackedRanks packed}, newest first, at most
     * {@code colorKeep} of them. A color with more ranks than fit in a compact hash value
     * ({@link #INLINE_COLOR_RANKS}), or a key too long for a compact field, has an empty value here and
     * its ranks in a string of its own ({@link #color}). Most color keys of a real catalog belong to one or two
     * products: as fields of about 64 per hash they cost a few tens of bytes each, where a key of their own
     * costs over a hundred.
     */
    public static String colorBucket(long g, long bucket) {
        return colorBucketPrefix(Long.toString(g)) + bucket;
    }

    public static String colorBucketPrefix(String g) {
        return generationPrefix(g) + "cb:";
    }

    public static String colorBucket(long g, String colorKey, long colorBuckets) {
        return colorBucket(g, keyHash(colorKey) % colorBuckets);
    }

    /** About 64 color keys per bucket hash, as for the id hashes. */
    public static long colorBuckets(long colorKeys) {
        return idBuckets(colorKeys);
    }

    /** The most ranks a bucket's value holds (Redis keeps a hash compact while each value is at most 64 bytes). */
    public static final int INLINE_COLOR_RANKS = 64 / PackedRanks.BYTES;
    /** The longest color key (UTF-8 bytes) a bucket holds as a field, for the same reason. */
    public static final int INLINE_COLOR_KEY_BYTES = 64;

    /** Whether a color key with that many ranks is held in its bucket's value rather than a string of its own. */
    public static boolean inlineColor(String colorKey, int ranks) {
        return ranks <= INLINE_COLOR_RANKS
                && colorKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= INLINE_COLOR_KEY_BYTES;
    }

    /**
     * String of the newest ranks of one color key that has more than its bucket holds, {@link PackedRanks
     * packed}, newest first, at most {@code colorKeep}: the first {@code n} are {@code GETRANGE 0 4n-1}.
     * Generations loaded before the bucket hashes have a sorted set here instead (member and score the
     * rank), named by the set {@link #colorKeys}; their meta hash has no {@link #META_COLOR_BUCKETS}.
     */
    public static String color(long g, String colorKey) {
        return color(Long.toString(g), colorKey);
    }

    public static String color(String g, String colorKey) {
        return generationPrefix(g) + "c:" + colorKey;
    }

    /** Set of the color keys of a generation loaded before the bucket hashes, which name its sorted sets. */
    public static String colorKeys(long g) {
        return generationPrefix(Long.toString(g)) + "colors";
    }

    /**
     * The search index's entry of a product where the search module indexes hashes by prefix: a hash of
     * the indexed fields, named by the rank. A module told each document (RediSearch 1.x) gets the rank
     * alone as the document's id, which it stores twice per product.
     */
    public static String searchEntryPrefix(long g) {
        return generationPrefix(g) + "i:";
    }

    public static String searchEntry(long g, long rank) {
        return searchEntryPrefix(g) + rank;
    }

    /** The rank a search entry is named by (the entry's name, or what follows its last colon). */
    public static long rankOfSearchEntry(String entry) {
        return Long.parseLong(entry.substring(entry.lastIndexOf(':') + 1));
    }

    public static String meta(long g) {
        return meta(Long.toString(g));
    }

    public static String meta(String g) {
        return CONTROL + "meta:" + g;
    }

    /** The RediSearch index name and the Elasticsearch index name of generation g. */
    public static String index(long g) {
        return index(Long.toString(g));
    }

    public static String index(String g) {
        return "shoes-" + g;
    }

    /** The generation of an index named by {@link #index}, or -1 when the name is not one. */
    public static long generationOfIndex(String indexName) {
        if (indexName == null || !indexName.startsWith("shoes-")) {
            return -1;
        }
        try {
            return Long.parseLong(indexName.substring("shoes-".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
