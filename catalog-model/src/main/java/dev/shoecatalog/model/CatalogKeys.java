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
    public static final String META_SEARCH_INDEX = "searchIndex";

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
        return idsPrefix(Long.toString(g)) + (idHash(id) % idBuckets);
    }

    public static String ids(long g, long bucket) {
        return idsPrefix(Long.toString(g)) + bucket;
    }

    public static long idBuckets(long products) {
        return Math.max(1, docBuckets(products));
    }

    /** CRC-32 of the id's UTF-8 bytes, 0 to 2^32 - 1: exact in a Lua number, so a script finds the same hash. */
    public static long idHash(String id) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * Sorted set of the ranks of the products having one color key, member and score the rank, so that
     * ascending order is the "latest" order. Only the first {@code colorKeep} are kept: readers ask for
     * at most that many.
     */
    public static String color(long g, String colorKey) {
        return color(Long.toString(g), colorKey);
    }

    public static String color(String g, String colorKey) {
        return generationPrefix(g) + "c:" + colorKey;
    }

    /**
     * Set of the color keys generation g has a sorted set for, written with them, so that the
     * generation is dropped from its own keys without scanning the keyspace.
     */
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
