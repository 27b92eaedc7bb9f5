package dev.shoecatalog.query.store;

import java.util.Locale;

import io.vertx.redis.client.impl.types.ErrorType;

/**
 * Sorts Redis client failures: a missing search command or index means the server cannot search (501);
 * anything else (refused connection, timeout, a server error) means Redis cannot answer now (503).
 */
final class RedisFailures {

    private RedisFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException || failure instanceof InvalidCursorException) {
            return failure;
        }
        String message = String.valueOf(failure.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unknown command") && lower.contains("ft.search")) {
            return new SearchUnsupportedException("this Redis server has no search module; use the elasticsearch store for search");
        }
        if (lower.contains("unknown index") || lower.contains("no such index")) {
            return new SearchUnsupportedException("the current generation has no Redis search index (the server had no search module when it was loaded)");
        }
        Throwable reply = failure;
        if (reply instanceof ErrorType || reply.getCause() instanceof ErrorType) {
            // The server answered with an error: its text names no host and says what went wrong.
            return new StoreUnavailableException(StoreName.REDIS, "Redis refused the request: " + message, failure);
        }
        return new StoreUnavailableException(StoreName.REDIS, "Redis did not answer (" + Failures.kind(failure) + ")", failure);
    }
}
