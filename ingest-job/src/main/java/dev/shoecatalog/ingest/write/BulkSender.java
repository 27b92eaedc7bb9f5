package dev.shoecatalog.ingest.write;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Sends one bulk request and retries, with exponential backoff and jitter, what the cluster could not take yet:
 * the whole request when it was answered 429/502/503/504 or not answered, else only the items
 * answered 429/503. Any other item error fails at once, naming the document and the reason.
 */
final class BulkSender {

    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

    private final RestClient client;
    private final int maxRetries;

    BulkSender(RestClient client, int maxRetries) {
        this.client = client;
        this.maxRetries = maxRetries;
    }

    void send(BulkBody body) {
        BulkBody pending = body;
        Backoff backoff = new Backoff(FIRST_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS);
        for (int attempt = 0; ; attempt++) {
            String retryReason;
            try {
                BulkBody retry = itemsToRetry(pending, post(pending));
                if (retry.isEmpty()) {
                    return;
                }
                retryReason = retry.size() + " documents answered 429/503";
                pending = retry;
            } catch (ResponseException e) {
                int status = e.getResponse().getStatusLine().getStatusCode();
                if (!isRetryable(status)) {
                    throw new IllegalStateException("Elasticsearch refused a bulk request: status " + status + ": "
                            + errorType(e.getResponse()), e);
                }
                retryReason = e.getResponse().getStatusLine().toString();
            } catch (IOException e) {
                retryReason = e.toString();
            }
            if (attempt >= maxRetries) {
                throw new IllegalStateException("bulk request failed after " + (maxRetries + 1) + " attempts: " + retryReason);
            }
            backoff.sleep();
        }
    }

    private JsonNode post(BulkBody body) throws IOException {
        Request request = new Request("POST", "/_bulk");
        request.setEntity(new ByteArrayEntity(body.toBytes(), NDJSON));
        Response response = client.performRequest(request);
        try (InputStream answer = response.getEntity().getContent()) {
            return JSON.readTree(answer);
        }
    }

    private static BulkBody itemsToRetry(BulkBody sent, JsonNode response) {
        if (!response.path("errors").asBoolean()) {
            return sent.only(List.of());
        }
        List<Integer> retry = new ArrayList<>();
        JsonNode items = response.path("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i).path("index");
            JsonNode error = item.path("error");
            if (error.isMissingNode() || error.isNull()) {
                continue;
            }
            int status = item.path("status").asInt();
            if (status == 429 || status == 503) {
                retry.add(i);
            } else {
                throw new IllegalStateException("Elasticsearch rejected document " + sent.id(i) + " in " + sent.index()
                        + ": " + error.path("type").asText() + ": " + error.path("reason").asText());
            }
        }
        return sent.only(retry);
    }

    /** The error type of a refused request, without its request body or any header. */
    private static String errorType(Response response) {
        try (InputStream answer = response.getEntity().getContent()) {
            return JSON.readTree(answer).path("error").path("type").asText("unknown error");
        } catch (IOException | RuntimeException unreadable) {
            return "unreadable answer";
        }
    }

    static boolean isRetryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
