package dev.shoecatalog.model;

/** Field names of the shoe document: the Elasticsearch source, the API's answers and the Redis search entries. */
public final class ShoeFields {

    public static final String ID = "id";
    public static final String NAME = "name";
    /** The name's {@link SearchWords}, joined by spaces: the field free-text search matches in both stores. */
    public static final String NAME_WORDS = "nameWords";
    public static final String BRAND = "brand";
    public static final String BRAND_KEY = "brandKey";
    public static final String MANUFACTURER = "manufacturer";
    public static final String CATEGORIES = "categories";
    public static final String COLORS = "colors";
    public static final String COLOR_KEYS = "colorKeys";
    public static final String DATE_ADDED = "dateAdded";
    public static final String DATE_UPDATED = "dateUpdated";
    public static final String PRICE_MIN = "priceMin";
    public static final String PRICE_MAX = "priceMax";
    public static final String CURRENCY = "currency";
    public static final String SIZES = "sizes";
    public static final String IMAGE_URL = "imageUrl";
    public static final String SOURCE_URL = "sourceUrl";

    /**
     * Redis only: the document's position in its generation's "latest" order (dateUpdated desc, then
     * id desc; 0, 1, 2... with 0 the newest). RediSearch sorts by one field, so searches sort on this
     * one to keep exactly the order Elasticsearch gives.
     */
    public static final String LATEST_RANK = "latestRank";

    private ShoeFields() {
    }
}
