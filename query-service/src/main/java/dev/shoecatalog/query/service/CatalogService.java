package dev.shoecatalog.query.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.shoecatalog.model.Colors;
import dev.shoecatalog.model.Keys;
import dev.shoecatalog.query.config.QueryConfig;
import dev.shoecatalog.query.store.ElasticsearchShoeStore;
import dev.shoecatalog.query.store.GenerationInfo;
import dev.shoecatalog.query.store.RedisShoeStore;
import dev.shoecatalog.query.store.SearchCursor;
import dev.shoecatalog.query.store.SearchPage;
import dev.shoecatalog.query.store.SearchQuery;
import dev.shoecatalog.query.store.ShoeStore;
import dev.shoecatalog.query.store.StoreName;
import dev.shoecatalog.query.store.StoredShoe;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Validates and normalizes what a request asks for, exactly as the ingest job normalized the data
 * (the shared {@link Colors} and {@link Keys} rules), and asks the named store.
 */
@ApplicationScoped
public class CatalogService {

    /** Longer values cannot be a color, brand or query of this catalog. */
    static final int MAX_TEXT_LENGTH = 200;
    /** ASCII digits only: Java's parsers also take other scripts' digits, a sign, hex floats and "Infinity". */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern PRICE = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,6})?");

    private final Map<StoreName, ShoeStore> stores = new EnumMap<>(StoreName.class);
    private final QueryConfig config;

    CatalogService(RedisShoeStore redis, ElasticsearchShoeStore elasticsearch, QueryConfig config) {
        stores.put(StoreName.REDIS, redis);
        stores.put(StoreName.ELASTICSEARCH, elasticsearch);
        this.config = config;
    }

    public StoreName store(String path) {
        return StoreName.fromPath(path).orElseThrow(() ->
                new BadParameterException("store", "store must be 'redis' or 'elasticsearch', not '" + truncate(path) + "'"));
    }

    /** Invalid parameters throw at once; the store's answer or failure comes through the Uni. */
    public Uni<List<StoredShoe>> latest(StoreName store, String n, String color) {
        return stores.get(store).latest(count(n), colorKey(color));
    }

    public Optional<StoredShoe> byId(StoreName store, String id) {
        return stores.get(store).byId(text("id", id).orElseThrow(() -> new BadParameterException("id", "id must not be blank")));
    }

    public SearchPage search(StoreName store, String q, String brand, String color, String minPrice, String maxPrice,
                             String n, String cursor) {
        Optional<Double> min = price("minPrice", minPrice);
        Optional<Double> max = price("maxPrice", maxPrice);
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw new BadParameterException("minPrice", "minPrice must not be above maxPrice");
        }
        SearchQuery query = new SearchQuery(text("q", q), text("brand", brand).map(Keys::normalize), colorKey(color),
                min, max, count(n), text("cursor", cursor, SearchCursor.MAX_LENGTH));
        return stores.get(store).search(query);
    }

    public Optional<GenerationInfo> generation(StoreName store) {
        return stores.get(store).generation();
    }

    private int count(String n) {
        if (n != null && !WHOLE_NUMBER.matcher(n).matches()) {
            throw new BadParameterException("n", "n must be a whole number between 1 and " + config.maxN());
        }
        int value = n == null ? 10 : Integer.parseInt(n);
        if (value < 1 || value > config.maxN()) {
            throw new BadParameterException("n", "n must be between 1 and " + config.maxN() + ", not " + value);
        }
        return value;
    }

    private static Optional<String> colorKey(String color) {
        return text("color", color).map(Colors::queryKey);
    }

    private static Optional<String> text(String parameter, String value) {
        return text(parameter, value, MAX_TEXT_LENGTH);
    }

    private static Optional<String> text(String parameter, String value, int maxLength) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            throw new BadParameterException(parameter, parameter + " must not be blank when given");
        }
        if (value.length() > maxLength) {
            throw new BadParameterException(parameter, parameter + " is longer than " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameterException(parameter, parameter + " must not contain control characters");
        }
        return Optional.of(value);
    }

    private static Optional<Double> price(String parameter, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!PRICE.matcher(value).matches()) {
            throw new BadParameterException(parameter, parameter + " must be a decimal number of at least 0, such as 49.99");
        }
        return Optional.of(Double.parseDouble(value));
    }

    private static String truncate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
