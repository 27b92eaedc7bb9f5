package dev.shoecatalog.query.store;

import java.util.Locale;

import io.vertx.redis.client.impl.types.ErrorType;

/**
 * Sorts Redis client failures: a missing search command means the server cannot search (501);
 * anything else (refused connection, timeout, a search over the server's time limit, a server error)
 * means Redis cannot answer now (503).
 */
final class RedisFailures {

    private RedisFailures() {
    }

    /** The search index named in the command does not exist (dropped with its generation, or never created). */
    static boolean isUnknownIndex(RuntimeException failure) {
        String lower = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        return lower.contains("unknown index") || lower.contains("no such index");
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException || failure instanceof InvalidCursorException
                || failure instanceof CursorExpiredException || failure instanceof SearchUnsupportedException) {
            return failure;
        }
        String message = String.valueOf(failure.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unknown command") && lower.contains("ft.search")) {
            return new SearchUnsupportedException("this Redis server has no search module; use the elasticsearch store for search");
        }
        if (lower.contains("timed out") || lower.contains("timeout limit") || lower.contains("search_timeout")) {
            // RediSearch's ON_TIMEOUT FAIL: a partial result is never passed on as a complete one.
            return new StoreUnavailableException(StoreName.REDIS, "the Redis search took longer than the server allows;"
                    + " narrow it, or use the elasticsearch store", failure, 1);
        }
        Throwable reply = failure;
        if (reply instanceof ErrorType || reply.getCause() instanceof ErrorType) {
            // The server answered with an error: its text names no host and says what went wrong.
            return new StoreUnavailableException(StoreName.REDIS, "Redis refused the request: " + message, failure);
        }
        return new StoreUnavailableException(StoreName.REDIS, "Redis did not answer (" + Failures.kind(failure) + ")", failure);
    }
}
