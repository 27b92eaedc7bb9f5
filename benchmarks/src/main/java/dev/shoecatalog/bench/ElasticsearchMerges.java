package dev.shoecatalog.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Waits for Elasticsearch to finish merging segments: right after a load it merges for a while on
 * the same cores, and cells measured then tell more about the merges than about the code under test.
 */
final class ElasticsearchMerges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ElasticsearchMerges() {
    }

    /** Returns once no node merges (or after {@code limit}); prints how long it waited. */
    static void awaitIdle(String url, Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest stats = HttpRequest.newBuilder(URI.create(url + "/_nodes/stats/indices/merges")).build();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode nodes = JSON.readTree(http.send(stats, HttpResponse.BodyHandlers.ofString()).body()).path("nodes");
            long merging = 0;
            for (JsonNode node : nodes) {
                merging += node.path("indices").path("merges").path("current").asLong();
            }
            if (merging == 0) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.printf("waited %.1f s for Elasticsearch's merges%n", (System.nanoTime() - start) / 1e9);
    }
}
