package dev.shoecatalog.ingest.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.elasticsearch.client.ResponseException;

/**
 * Sends one bulk request and retries, with exponential backoff, what the cluster could not take yet:
 * the whole request when it was answered 429/502/503/504 or not answered, else only the items
 * answered 429/503. Any other item error fails at once, naming the document and the reason.
 */
final class BulkSender {

    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final ElasticsearchClient client;
    private final int maxRetries;

    BulkSender(ElasticsearchClient client, int maxRetries) {
        this.client = client;
        this.maxRetries = maxRetries;
    }

    void send(List<BulkOperation> operations) {
        List<BulkOperation> pending = operations;
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 0; ; attempt++) {
            String retryReason;
            List<BulkOperation> batch = pending;
            try {
                BulkResponse response = client.bulk(bulk -> bulk.operations(batch));
                List<BulkOperation> retry = itemsToRetry(batch, response);
                if (retry.isEmpty()) {
                    return;
                }
                retryReason = retry.size() + " documents answered 429/503";
                pending = retry;
            } catch (ElasticsearchException e) {
                if (!isRetryable(e.status())) {
                    throw new IllegalStateException("Elasticsearch refused a bulk request: " + e.getMessage(), e);
                }
                retryReason = "status " + e.status();
            } catch (ResponseException e) {
                if (!isRetryable(e.getResponse().getStatusLine().getStatusCode())) {
                    throw new IllegalStateException("Elasticsearch refused a bulk request: " + e.getMessage(), e);
                }
                retryReason = e.getResponse().getStatusLine().toString();
            } catch (IOException e) {
                retryReason = e.toString();
            }
            if (attempt >= maxRetries) {
                throw new IllegalStateException("bulk request failed after " + (maxRetries + 1) + " attempts: " + retryReason);
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private static List<BulkOperation> itemsToRetry(List<BulkOperation> sent, BulkResponse response) {
        if (!response.errors()) {
            return List.of();
        }
        List<BulkOperation> retry = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                continue;
            }
            if (item.status() == 429 || item.status() == 503) {
                retry.add(sent.get(i));
            } else {
                throw new IllegalStateException("Elasticsearch rejected document " + item.id() + " in " + item.index()
                        + ": " + item.error().type() + ": " + item.error().reason());
            }
        }
        return retry;
    }

    static boolean isRetryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
