package dev.shoecatalog.query.store;

import java.util.function.Supplier;

import dev.shoecatalog.model.CatalogKeys;

/**
 * What a failed Elasticsearch request becomes, whichever client made it. 404: no alias yet or an index
 * that vanished mid-request (503), or, for a cursor's pinned generation, a generation that is gone
 * (410); 401/403: the service's credentials or role, a deployment fault like an unreachable store (503);
 * any other 4xx but 429 is the service's fault (502); 429, 5xx and no answer: 503. The store's own
 * reason goes to the log, not to the client.
 */
final class ElasticsearchFailures {

    private ElasticsearchFailures() {
    }

    /** A search answered with this status ({@code cursor} null for a first page or "latest"). */
    static RuntimeException searchAnswered(int status, Supplier<String> errorType, SearchCursor cursor, Throwable cause) {
        if (status == 404 && cursor != null) {
            return new CursorExpiredException("the catalog this search started on (generation " + cursor.generation()
                    + ") has been replaced since; start the search again without a cursor");
        }
        if (status == 404) {
            return new StoreUnavailableException(StoreName.ELASTICSEARCH,
                    "no catalog loaded in Elasticsearch yet (alias " + CatalogKeys.ALIAS + " does not exist)", cause);
        }
        if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 429) {
            return new StoreRefusedException(StoreName.ELASTICSEARCH, "status " + status + ": " + errorType.get(), cause);
        }
        return unavailable(status, cause);
    }

    /** A request answered with a status that means the store cannot serve the service now. */
    static StoreUnavailableException unavailable(int status, Throwable cause) {
        if (status == 401 || status == 403) {
            return new StoreUnavailableException(StoreName.ELASTICSEARCH,
                    "Elasticsearch refused the service's credentials (status " + status + ")", cause);
        }
        return new StoreUnavailableException(StoreName.ELASTICSEARCH, "Elasticsearch did not answer (status " + status + ")", cause);
    }

    /** No answer at all: refused connection, timeout, TLS failure. */
    static StoreUnavailableException noAnswer(Throwable cause) {
        return new StoreUnavailableException(StoreName.ELASTICSEARCH, "Elasticsearch did not answer (" + Failures.kind(cause) + ")", cause);
    }
}
