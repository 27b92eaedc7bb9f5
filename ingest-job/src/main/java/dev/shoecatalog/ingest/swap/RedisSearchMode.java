package dev.shoecatalog.ingest.swap;

/**
 * {@code --redis-search}: {@code auto} detects the module from the index it creates (no admin
 * command needed), {@code v1}/{@code v2} force what RediSearch 1.x or 2.x+ needs, {@code off} loads
 * without a search index.
 */
public enum RedisSearchMode {
    AUTO, V1, V2, OFF
}
