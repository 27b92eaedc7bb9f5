package dev.shoecatalog.query.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.QueryServiceProcess;
import dev.shoecatalog.testsupport.RedisCluster;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service on a real three-master Redis Cluster loaded by the job
 * ({@code REDIS_CLIENT_TYPE=cluster} for both): every "latest" and by-id answer is the oracle's and,
 * byte for byte, Elasticsearch's; search answers 501, as the catalog was loaded without a Redis index
 * (the cluster's search module indexes one shard only).
 */
class RedisClusterIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static RedisCluster cluster;
    private static QueryServiceProcess service;

    @BeforeAll
    static void loadAndServe() {
        cluster = RedisCluster.start(TestStores.logDir());
        Path log = TestStores.logDir().resolve("cluster-load.log");
        int exit = IngestJobProcess.run(log, Map.of("REDIS_CLIENT_TYPE", "cluster"), "--master", "local[2]",
                "--dataset", Datasets.sample().toString(), "--redis-url", cluster.url(),
                "--elasticsearch-hosts", TestStores.elasticsearch().url(), "--rejects", TestStores.logDir().resolve("rejects").toString(),
                "--max-shrink", "1");
        assertThat(exit).as("the job on the cluster (see %s)", log).isZero();
        service = QueryServiceProcess.startAlive(JAR, Map.of("REDIS_CLIENT_TYPE", "cluster", "REDIS_URL", cluster.url(),
                "ELASTICSEARCH_HOSTS", TestStores.elasticsearch().url()), TestStores.logDir().resolve("cluster-service.log"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAsTheOracleAndElasticsearchDo() throws Exception {
        ExpectedCatalog expected = ExpectedCatalog.of(Datasets.sample());
        ObjectMapper json = new ObjectMapper();
        List<String> colors = expected.commonColorKeys(5);
        for (String query : List.of("n=100", "n=1", "n=65", "n=100&color=" + colors.get(0), "n=7&color=" + colors.get(4))) {
            HttpResponse<String> redis = get("/v1/redis/shoes/latest?" + query);
            HttpResponse<String> elastic = get("/v1/elasticsearch/shoes/latest?" + query);
            assertThat(redis.statusCode()).as(query + ": " + redis.body()).isEqualTo(200);
            assertThat(redis.body()).as(query).isEqualTo(elastic.body().replace("{\"store\":\"elasticsearch\"", "{\"store\":\"redis\""));
            String color = query.contains("color=") ? query.substring(query.indexOf("color=") + 6) : null;
            int n = Integer.parseInt(query.replaceAll("^n=(\\d+).*", "$1"));
            List<String> ids = json.readTree(redis.body()).get("items").findValuesAsText("id");
            assertThat(ids).as(query).isEqualTo(expected.latest(color, n));
        }
        String body = "{\"n\": 20, \"color\": \"" + colors.get(1) + "\"}";
        HttpResponse<String> legacy = post("/redis_shoes/latest/color", body);
        assertThat(legacy.statusCode()).isEqualTo(200);
        assertThat(legacy.body()).isEqualTo(post("/elastic_shoes/latest/color", body).body());

        for (String id : expected.latest(null, 5)) {
            HttpResponse<String> byId = get("/v1/redis/shoes/" + id);
            assertThat(byId.statusCode()).as(id).isEqualTo(200);
            assertThat(byId.body()).isEqualTo(get("/v1/elasticsearch/shoes/" + id).body());
        }
        assertThat(get("/v1/redis/shoes/no-such-shoe").statusCode()).isEqualTo(404);

        HttpResponse<String> search = get("/v1/redis/shoes/search?q=boot&n=5");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(501);
        JsonNode problem = json.readTree(search.body());
        assertThat(problem.get("detail").asText()).contains("Redis Cluster");

        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    }
}
