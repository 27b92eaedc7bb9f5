package dev.shoecatalog.query.store;

/** The generation a store serves and how many products it holds. */
public record GenerationInfo(long generation, long products) {
}
