package dev.shoecatalog.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.RedisServer;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.SafeEncoder;

/**
 * What one generation costs per product in each store, by part, for generated datasets of several
 * sizes and, when given, a real export. Redis: the job loads into an empty server, then the parts are
 * removed one by one and each part is the drop in {@code used_memory} (the index, the color sorted
 * sets with their set of names, the id hashes, the document lists). Elasticsearch: the index's store
 * size as loaded, and {@code _disk_usage} by part. Arguments: {@code rows[,rows...] report.md [export-dir]}.
 */
public final class MemoryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> datasets = new ArrayList<>(List.of(args[0].split(",")));
        Path report = Path.of(args[1]);
        if (args.length > 2) {
            datasets.add(args[2]);
        }
        Path work = Files.createTempDirectory("shoes-memory-");
        Path logs = Path.of("target/benchmark");
        List<String> rows = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(logs); ElasticsearchServer elasticsearch = ElasticsearchServer.start(logs);
             RestClient es = RestClient.builder(HttpHost.create(elasticsearch.endpoint().url())).build()) {
            for (String which : datasets) {
                Path dataset;
                String label;
                if (which.matches("[0-9]+")) {
                    dataset = work.resolve("rows-" + which);
                    new DatasetWriter(42, 0.01, 3.5).write(dataset, Long.parseLong(which), 6);
                    label = String.format(Locale.ROOT, "generated, %,d rows", Long.parseLong(which));
                } else {
                    dataset = Path.of(which);
                    label = "real export (" + dataset.getFileName() + ")";
                }
                rows.add(measure(label, dataset, redis, elasticsearch, es, logs));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, markdown(rows, args[0] + (args.length > 2 ? " (with SHOES_SEED_DATASET set: the real export too)" : "")));
        System.out.println("report: " + report);
    }

    private static String measure(String label, Path dataset, RedisServer redis, ElasticsearchServer elasticsearch, RestClient es,
                                  Path logs) throws Exception {
        HostAndPort server = new HostAndPort("127.0.0.1", redis.port());
        try (Jedis jedis = RawRedisLoader.connect(server)) {
            jedis.flushAll();
            // Deleting by wildcard is refused (action.destructive_requires_name): one index at a time.
            for (String index : EntityUtils.toString(es.performRequest(new Request("GET", "/_cat/indices/" + CatalogKeys.INDEX_PATTERN
                    + "?h=index")).getEntity()).split("\\s+")) {
                if (!index.isBlank()) {
                    es.performRequest(new Request("DELETE", "/" + index));
                }
            }
            long empty = used(jedis);
            String[] args = JobRun.loadArgs("local[2]", dataset, redis, elasticsearch, logs.resolve("rejects"));
            JobRun run = JobRun.of(logs.resolve("memory-" + dataset.getFileName() + ".log"), concat(args, "--max-shrink", "1"));
            if (run.exitCode() != 0) {
                throw new IllegalStateException("the job failed on " + dataset + " (see target/benchmark)");
            }
            long g = Long.parseLong(jedis.get(CatalogKeys.CURRENT));
            Map<String, String> meta = jedis.hgetAll(CatalogKeys.meta(g));
            long products = Long.parseLong(meta.get(CatalogKeys.META_PRODUCTS));
            long loaded = used(jedis);
            Map<String, Long> redisParts = new LinkedHashMap<>();
            long before = loaded;
            try {
                jedis.sendCommand(() -> SafeEncoder.encode("FT.DROP"), CatalogKeys.index(g), "KEEPDOCS");
            } catch (RuntimeException noIndex) {
                // loaded without one
            }
            before = part(jedis, redisParts, "search index", before);
            for (long b = 0; b < Long.parseLong(meta.get(CatalogKeys.META_COLOR_BUCKETS)); b++) {
                String bucket = CatalogKeys.colorBucket(g, b);
                jedis.hgetAll(SafeEncoder.encode(bucket)).forEach((color, ranks) -> {
                    if (ranks.length == 0) {
                        jedis.del(CatalogKeys.color(g, SafeEncoder.encode(color)));
                    }
                });
                jedis.del(bucket);
            }
            before = part(jedis, redisParts, "colors", before);
            for (long b = 0; b < Long.parseLong(meta.get(CatalogKeys.META_ID_BUCKETS)); b++) {
                jedis.del(CatalogKeys.ids(g, b));
            }
            before = part(jedis, redisParts, "id hashes", before);
            for (long b = 0; b < CatalogKeys.docBuckets(products); b++) {
                jedis.del(CatalogKeys.docList(g, b));
            }
            part(jedis, redisParts, "documents", before);

            String index = CatalogKeys.index(g);
            es.performRequest(new Request("POST", "/" + index + "/_flush"));
            JsonNode stats = json(es, new Request("GET", "/" + index + "/_stats/store,docs"));
            long store = stats.path("indices").path(index).path("primaries").path("store").path("size_in_bytes").asLong();
            Request usage = new Request("POST", "/" + index + "/_disk_usage");
            usage.addParameter("run_expensive_tasks", "true");
            JsonNode fields = json(es, usage).path(index).path("fields");
            Map<String, Long> elasticParts = new LinkedHashMap<>();
            for (String part : List.of("stored_fields", "inverted_index", "doc_values", "points", "norms")) {
                long bytes = 0;
                for (JsonNode field : (Iterable<JsonNode>) fields::elements) {
                    bytes += part.equals("inverted_index") ? field.path(part).path("total_in_bytes").asLong()
                            : field.path(part + "_in_bytes").asLong();
                }
                elasticParts.put(part, bytes);
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,d | **%,d** |", label, products, (loaded - empty) / products));
            redisParts.values().forEach(bytes -> row.append(String.format(Locale.ROOT, " %,d |", bytes / products)));
            row.append(String.format(Locale.ROOT, " **%,d** |", store / products));
            elasticParts.values().forEach(bytes -> row.append(String.format(Locale.ROOT, " %,d |", bytes / products)));
            return row.toString();
        }
    }

    private static long part(Jedis jedis, Map<String, Long> parts, String name, long before) throws InterruptedException {
        long after = used(jedis);
        parts.put(name, before - after);
        return after;
    }

    /** {@code used_memory} once lazy frees are done. */
    private static long used(Jedis jedis) throws InterruptedException {
        for (int i = 0; i < 50 && !jedis.info("memory").contains("lazyfree_pending_objects:0"); i++) {
            Thread.sleep(100);
        }
        String info = jedis.info("memory");
        return Long.parseLong(info.lines().filter(line -> line.startsWith("used_memory:")).findFirst().orElseThrow().substring(12).strip());
    }

    private static JsonNode json(RestClient es, Request request) throws Exception {
        return JSON.readTree(EntityUtils.toString(es.performRequest(request).getEntity()));
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static String markdown(List<String> rows, String arguments) {
        return "# Memory per product and generation\n\n"
                + "Bytes per product of one loaded generation, by part, in each store (`bin/benchmark-memory " + arguments + "`, "
                + LocalDate.now() + ", Redis " + "with the search module when installed, Elasticsearch 8.19). Redis: the drop in"
                + " `used_memory` as each part is removed after the load (the total is what the load added). Elasticsearch: the"
                + " primary store size after the load and `_disk_usage` by part.\n\n"
                + "| dataset | products | Redis total | Redis: search index | Redis: colors | Redis: id hashes |"
                + " Redis: documents | Elasticsearch store | ES: stored fields (_source) | ES: inverted index | ES: doc values |"
                + " ES: points | ES: norms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + String.join("\n", rows) + "\n";
    }
}
