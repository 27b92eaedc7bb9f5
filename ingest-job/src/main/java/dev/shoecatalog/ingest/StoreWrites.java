package dev.shoecatalog.ingest;

/** {@code --writes}: both stores at once ({@code concurrent}), or Redis then Elasticsearch ({@code sequential}). */
public enum StoreWrites {
    CONCURRENT, SEQUENTIAL
}
