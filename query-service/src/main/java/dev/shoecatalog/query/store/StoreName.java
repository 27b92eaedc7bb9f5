package dev.shoecatalog.query.store;

import java.util.Locale;
import java.util.Optional;

/** The stores a request can name in its path. */
public enum StoreName {
    REDIS, ELASTICSEARCH;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StoreName> fromPath(String path) {
        for (StoreName store : values()) {
            if (store.path().equals(path)) {
                return Optional.of(store);
            }
        }
        return Optional.empty();
    }
}
