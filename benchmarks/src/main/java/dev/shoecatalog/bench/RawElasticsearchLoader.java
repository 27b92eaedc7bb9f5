package dev.shoecatalog.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeSource;
import org.apache.http.HttpHost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * The baseline: the same documents as bulk index requests into an index with the job's mapping and
 * load settings, from plain threads over the low-level client, no Spark.
 */
final class RawElasticsearchLoader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "bench-raw";

    private final RestClient client;

    RawElasticsearchLoader(String url) {
        this.client = RestClient.builder(HttpHost.create(url)).build();
    }

    /** Seconds to bulk-index all shoes with {@code threads} concurrent requests of {@code batch} documents. */
    double load(List<Shoe> shoes, String jobIndex, int threads, int batch) throws Exception {
        recreateIndexLike(jobIndex);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            int size = (shoes.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<Shoe> part = shoes.subList(Math.min(shoes.size(), t * size), Math.min(shoes.size(), (t + 1) * size));
                parts.add(pool.submit(() -> {
                    for (int i = 0; i < part.size(); i += batch) {
                        bulk(part.subList(i, Math.min(part.size(), i + batch)));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private void bulk(List<Shoe> shoes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Shoe shoe : shoes) {
            body.write(("{\"index\":{\"_index\":\"" + INDEX + "\",\"_id\":" + JSON.writeValueAsString(shoe.id()) + "}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(JSON.writeValueAsBytes(ShoeSource.toSource(shoe)));
            body.write('\n');
        }
        Request request = new Request("POST", "/_bulk");
        request.setEntity(new ByteArrayEntity(body.toByteArray(), ContentType.create("application/x-ndjson")));
        Response response = client.performRequest(request);
        if (JSON.readTree(EntityUtils.toString(response.getEntity())).path("errors").asBoolean()) {
            throw new IllegalStateException("bulk request had errors");
        }
    }

    /** The job's mapping and index settings, with the load settings (no refresh, no replica). */
    private void recreateIndexLike(String jobIndex) throws IOException {
        client.performRequest(new Request("DELETE", "/" + INDEX + "?ignore_unavailable=true"));
        JsonNode mapping = JSON.readTree(EntityUtils.toString(client.performRequest(new Request("GET", "/" + jobIndex + "/_mapping")).getEntity()));
        JsonNode settings = JSON.readTree(EntityUtils.toString(client.performRequest(new Request("GET", "/" + jobIndex + "/_settings")).getEntity()));
        ObjectNode index = JSON.createObjectNode();
        ObjectNode indexSettings = index.putObject("settings").putObject("index");
        JsonNode source = settings.path(jobIndex).path("settings").path("index");
        indexSettings.set("sort", source.path("sort"));
        indexSettings.set("analysis", source.path("analysis"));
        indexSettings.put("number_of_shards", source.path("number_of_shards").asText());
        indexSettings.put("number_of_replicas", "0");
        indexSettings.put("refresh_interval", "-1");
        index.set("mappings", mapping.path(jobIndex).path("mappings"));
        Request create = new Request("PUT", "/" + INDEX);
        create.setJsonEntity(JSON.writeValueAsString(index));
        client.performRequest(create);
    }

    void clear() throws IOException {
        client.performRequest(new Request("DELETE", "/" + INDEX + "?ignore_unavailable=true"));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
