package dev.shoecatalog.query.store;

import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Read access to the current generation of one store. Implementations are the only classes that
 * touch a store client; they throw {@link StoreUnavailableException} when the store cannot answer.
 */
public interface ShoeStore {

    /**
     * The newest {@code n} shoes, of a color key when given: dateUpdated desc, then id desc. Non-blocking:
     * the hot path runs on the event loop, without a hop to a worker thread.
     */
    Uni<List<StoredShoe>> latest(int n, Optional<String> colorKey);

    Optional<StoredShoe> byId(String id);

    /** Filtered search, newest first, continued from an opaque cursor of this store. */
    SearchPage search(SearchQuery query);

    /** The generation readers of this store use, and its product count. */
    Optional<GenerationInfo> generation();
}
