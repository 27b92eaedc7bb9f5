package dev.shoecatalog.ingest;

/** Whether the two stores are written at once or one after the other. */
public enum StoreWrites {
    concurrent,
    sequential
}
