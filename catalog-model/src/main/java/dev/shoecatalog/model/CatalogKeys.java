package dev.shoecatalog.model;

/**
 * Names of everything the stores hold for one generation {@code g} (see the design's Redis and
 * Elasticsearch layout). Readers resolve {@code g} from {@link #CURRENT} or the {@link #ALIAS}.
 */
public final class CatalogKeys {

    /** Redis string holding the generation that readers use. */
    public static final String CURRENT = "shoes:current";
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
    public static final String LOCK = "shoes:lock";
    /**
     * Redis hash of every generation that may have anything in Redis, field = the number, value = its
     * state, run and time ({@code loading run=1a2b3c4d at=...}): written before its first key and removed
     * after its last, so leftovers of crashed runs are found without scanning the keyspace.
     */
    public static final String REGISTRY = "shoes:registry";
    /** Redis counter the generation numbers come from: it only grows, so no number is used twice. */
    public static final String SEQUENCE = "shoes:sequence";
    /** The registry of earlier versions (a set of numbers): read and emptied, so an upgrade finds their leftovers. */
    public static final String LEGACY_GENERATIONS = "shoes:generations";

    private CatalogKeys() {
    }

    /**
     * Stands for the generation in key templates, for code that learns the generation only on the
     * server (a script that reads {@link #CURRENT} first): {@code latest(GENERATION_PLACEHOLDER)}.
     */
    public static final String GENERATION_PLACEHOLDER = "{g}";

    /** Every Redis key of generation g starts with this. */
    public static String generationPrefix(long g) {
        return generationPrefix(Long.toString(g));
    }

    public static String generationPrefix(String g) {
        return "shoes:" + g + ":";
    }

    public static String docPrefix(long g) {
        return docPrefix(Long.toString(g));
    }

    public static String docPrefix(String g) {
        return generationPrefix(g) + "doc:";
    }

    public static String doc(long g, String id) {
        return docPrefix(g) + id;
    }

    /** Sorted set of all ids, scored by dateUpdated epoch millis. */
    public static String latest(long g) {
        return latest(Long.toString(g));
    }

    public static String latest(String g) {
        return generationPrefix(g) + "latest";
    }

    /** Sorted set of the ids having one color key, scored like {@link #latest}. */
    public static String color(long g, String colorKey) {
        return color(Long.toString(g), colorKey);
    }

    public static String color(String g, String colorKey) {
        return generationPrefix(g) + "color:" + colorKey;
    }

    /**
     * Set of the color keys generation g has a sorted set for, written with them, so that the
     * generation is dropped from its own keys (this set and {@link #latest}) without scanning the keyspace.
     */
    public static String colorKeys(long g) {
        return generationPrefix(Long.toString(g)) + "colors";
    }

    public static String meta(long g) {
        return meta(Long.toString(g));
    }

    public static String meta(String g) {
        return generationPrefix(g) + "meta";
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
