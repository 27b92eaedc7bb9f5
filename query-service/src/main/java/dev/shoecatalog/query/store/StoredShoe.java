package dev.shoecatalog.query.store;

import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeJson;

/**
 * A shoe as a store answers it: its {@link ShoeJson} form, which answers copy out without parsing it.
 * Redis holds shoes in this form; Elasticsearch's are put in it, so both stores' answers are written
 * by the same code and agree to the byte.
 */
public record StoredShoe(String json) {

    public static StoredShoe of(Shoe shoe) {
        return new StoredShoe(ShoeJson.encode(shoe));
    }
}
