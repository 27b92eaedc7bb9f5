package dev.shoecatalog.ingest.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonData;
import dev.shoecatalog.ingest.StoreReader;
import dev.shoecatalog.ingest.config.ElasticsearchSettings;
import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ElasticsearchEndpoint;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.FreePort;
import dev.shoecatalog.testsupport.IngestJobProcess;
import dev.shoecatalog.testsupport.RedisAcl;
import dev.shoecatalog.testsupport.SecuredStores;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import static dev.shoecatalog.testsupport.SecuredStores.INGEST_PASSWORD;
import static dev.shoecatalog.testsupport.SecuredStores.MARKER;
import static dev.shoecatalog.testsupport.SecuredStores.QUERY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job against stores secured as the chart runs them (TLS, the chart's Redis users and
 * Elasticsearch roles): it loads with its own users, refuses a certificate that names another host or
 * comes from a CA it does not trust, and on every failure path (an unparsable URL, refused
 * credentials, an unreachable store, TLS failures, a Spark task failure) exits non-zero without
 * printing, logging or storing its password: each run's whole output, the catalog's meta hashes and
 * the rejects are searched for the password's marker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreSecurityTest {

    @TempDir
    static Path dir;

    private static SecuredStores stores;

    @BeforeAll
    static void start() {
        stores = SecuredStores.start(dir.resolve("stores"));
    }

    @AfterAll
    static void stop() {
        if (stores != null) {
            stores.close();
        }
        TestStores.keep(dir.resolve("runs"), "security-runs");
    }

    /** The environment a deployment gives the job: its own user in each store, both CAs. */
    private static Map<String, String> deployed() {
        Map<String, String> env = new HashMap<>();
        env.put("REDIS_URL", stores.redisUrl(RedisAcl.INGEST_USER, INGEST_PASSWORD));
        env.put("REDIS_CA_CERT", stores.trustedCa().toString());
        env.put("ELASTICSEARCH_HOSTS", stores.elasticsearchUrl("127.0.0.1"));
        env.put("ELASTICSEARCH_USERNAME", SecuredStores.ELASTICSEARCH_INGEST_USER);
        env.put("ELASTICSEARCH_PASSWORD", INGEST_PASSWORD);
        env.put("ELASTICSEARCH_CA_CERT", stores.trustedCa().toString());
        return env;
    }

    private static Map<String, String> deployedWith(String... overrides) {
        Map<String, String> env = deployed();
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return env;
    }

    /** Runs the job as its own process; returns its exit code, its whole output kept in {@code <name>.log}. */
    private static int run(String name, Map<String, String> env) {
        return IngestJobProcess.run(dir.resolve("runs").resolve(name + ".log"), env, "--master", "local[2]",
                "--dataset", Datasets.sample().toString(), "--rejects", dir.resolve("rejects").toString(),
                "--timeout-ms", "5000", "--elasticsearch-max-retries", "1", "--lease-seconds", "10");
    }

    private static String output(String name) throws IOException {
        return Files.readString(dir.resolve("runs").resolve(name + ".log"));
    }

    private static StoreReader admin() {
        ElasticsearchEndpoint superuser = stores.elasticsearch().endpoint();
        return new StoreReader(stores.redisAdminUrl(), superuser);
    }

    @Test
    @Order(1)
    void loadsWithItsOwnUsersOverVerifiedTls() throws IOException {
        assertThat(run("loads", deployed())).as(output("loads")).isZero();

        try (StoreReader reader = admin()) {
            assertThat(reader.redisIds()).isEqualTo(ExpectedCatalog.of(Datasets.sample()).ids());
            assertThat(reader.elasticIds()).isEqualTo(reader.redisIds());
        }
    }

    @Test
    @Order(2)
    void refusesACertificateForAnotherNameOrFromAnUntrustedCa() throws IOException {
        String unnamed = SecuredStores.UNNAMED_ADDRESS;
        assertFailsOnTls("redis-wrong-name", deployedWith("REDIS_URL", stores.redisUrl(unnamed, RedisAcl.INGEST_USER, INGEST_PASSWORD)));
        assertFailsOnTls("redis-untrusted-ca", deployedWith("REDIS_CA_CERT", stores.untrustedCa().toString()));
        assertFailsOnTls("elasticsearch-wrong-name", deployedWith("ELASTICSEARCH_HOSTS", stores.elasticsearchUrl(unnamed)));
        assertFailsOnTls("elasticsearch-untrusted-ca", deployedWith("ELASTICSEARCH_CA_CERT", stores.untrustedCa().toString()));
        // The same server at the name its certificate carries is accepted: the refusals are about the name.
        assertThat(run("localhost", deployedWith("REDIS_URL", stores.redisUrl("localhost", RedisAcl.INGEST_USER, INGEST_PASSWORD),
                "ELASTICSEARCH_HOSTS", stores.elasticsearchUrl("localhost")))).as(output("localhost")).isZero();
    }

    private static void assertFailsOnTls(String name, Map<String, String> env) throws IOException {
        assertThat(run(name, env)).as(output(name)).isEqualTo(1);
        assertThat(output(name)).containsAnyOf("certificate", "Certificate", "PKIX", "SSL", "subject alternative");
    }

    @Test
    @Order(3)
    void failsOnBadCredentialsAndUnreachableStores() throws IOException {
        String wrong = MARKER + "-wrong @:/#%^";
        int closed = FreePort.find();
        assertThat(run("redis-url-unparsable", deployedWith("REDIS_URL", "rediss://shoes-ingest:" + MARKER + " x^@127.0.0.1:" + closed)))
                .isEqualTo(1);
        assertThat(output("redis-url-unparsable")).contains("REDIS_URL is not a valid");
        assertThat(run("redis-wrong-password", deployedWith("REDIS_URL", stores.redisUrl(RedisAcl.INGEST_USER, wrong)))).isEqualTo(1);
        assertThat(run("elasticsearch-wrong-password", deployedWith("ELASTICSEARCH_PASSWORD", wrong))).isEqualTo(1);
        assertThat(output("elasticsearch-wrong-password")).contains("unable to authenticate user [shoes-ingest]");
        assertThat(run("redis-unreachable", deployedWith("REDIS_URL", "rediss://shoes-ingest:" + MARKER + "@127.0.0.1:" + closed))).isEqualTo(1);
        assertThat(run("elasticsearch-unreachable", deployedWith("ELASTICSEARCH_HOSTS", "https://127.0.0.1:" + closed))).isEqualTo(1);
        assertThat(run("elasticsearch-url-with-credentials", deployedWith("ELASTICSEARCH_HOSTS",
                "https://shoes-ingest:" + MARKER + "@127.0.0.1:" + closed))).isEqualTo(1);
        assertThat(output("elasticsearch-url-with-credentials")).contains("must not hold credentials");
    }

    /** A Redis user that may take the lease but not write the catalog: the executors' writes fail. */
    @Test
    @Order(4)
    void aSparkTaskFailureDoesNotShowThePassword() throws IOException {
        String password = MARKER + "-half @:/#%^";
        try (Jedis redis = RedisSettings.of(stores.redisAdminUrl(), null, 100, 5000).connect()) {
            redis.aclSetUser("half-loader", "reset", "on", ">" + password, "%R~shoes:*", "~{shoes}:*",
                    "+@all", "-@admin", "-@dangerous");
        }
        assertThat(run("spark-task-failure", deployedWith("REDIS_URL", stores.redisUrl("half-loader", password)))).isEqualTo(1);
        assertThat(output("spark-task-failure")).contains("NOPERM").contains("Redis refused a write of generation");
    }

    /** The job's users cannot administer either store; the service's users cannot write to either. */
    @Test
    @Order(5)
    void eachUserMayDoOnlyItsPart() {
        try (Jedis ingest = redisAs(RedisAcl.INGEST_USER, INGEST_PASSWORD);
             Jedis query = redisAs(RedisAcl.QUERY_USER, QUERY_PASSWORD)) {
            assertThatThrownBy(() -> ingest.configGet("maxmemory")).hasMessageContaining("NOPERM");
            assertThatThrownBy(ingest::flushAll).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> ingest.set("not-the-catalog", "x")).hasMessageContaining("NOPERM");
            assertThat(query.get(CatalogKeys.CURRENT)).isNotNull();
            assertThatThrownBy(() -> query.set(CatalogKeys.CURRENT, "1")).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> query.del(CatalogKeys.CURRENT)).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> query.eval("return redis.call('SET', KEYS[1], '1')", 1, CatalogKeys.CURRENT))
                    .hasMessageContaining("NOPERM");
        }
        ElasticsearchClient ingest = elasticsearchAs(SecuredStores.ELASTICSEARCH_INGEST_USER, INGEST_PASSWORD);
        ElasticsearchClient query = elasticsearchAs(SecuredStores.ELASTICSEARCH_QUERY_USER, QUERY_PASSWORD);
        try {
            assertStatus(403, () -> ingest.indices().create(c -> c.index("not-the-catalog")));
            assertStatus(403, () -> ingest.cluster().putSettings(p -> p.persistent("cluster.routing.allocation.enable",
                    JsonData.of("none"))));
            assertStatus(403, () -> ingest.security().getUser(u -> u));
            assertThat(call(() -> query.count(c -> c.index(CatalogKeys.ALIAS)).count())).isPositive();
            assertStatus(403, () -> query.index(i -> i.index(CatalogKeys.ALIAS).id("x").document(Map.of("name", "x"))));
            String served;
            try (StoreReader reader = admin()) {
                served = CatalogKeys.index(reader.redisGeneration().orElseThrow());
            }
            assertStatus(403, () -> query.indices().delete(d -> d.index(served)));
            assertStatus(403, () -> query.indices().create(c -> c.index("shoes-999")));
        } finally {
            ElasticsearchSettings.close(ingest);
            ElasticsearchSettings.close(query);
        }
    }

    private static Jedis redisAs(String user, String password) {
        return RedisSettings.of(stores.redisUrl(user, password), stores.trustedCa().toString(), 100, 5000).connect();
    }

    private static ElasticsearchClient elasticsearchAs(String user, String password) {
        return new ElasticsearchSettings(List.of(stores.elasticsearchUrl("127.0.0.1")), null, user, password, null,
                stores.trustedCa().toString(), 100, 1 << 20, 0, 5000, 1, "0").connect();
    }

    private interface Call<T> {
        T call() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertStatus(int status, Call<?> call) {
        assertThatThrownBy(call::call).isInstanceOfSatisfying(ElasticsearchException.class,
                refused -> assertThat(refused.status()).isEqualTo(status));
    }

    @Test
    @Order(6)
    void noOutputMetaOrRejectHoldsAPassword() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(dir.resolve("runs")), Files.walk(dir.resolve("rejects")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // Bytes as Latin-1: binary files (Spark's checksums) are searched too.
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(MARKER);
            }
        }
        try (Jedis redis = RedisSettings.of(stores.redisAdminUrl(), null, 100, 5000).connect()) {
            List<String> metaKeys = redis.keys(CatalogKeys.meta("*")).stream().toList();
            assertThat(metaKeys).isNotEmpty();
            for (String key : metaKeys) {
                assertThat(redis.hgetAll(key).toString()).as(key).doesNotContain(MARKER);
            }
        }
    }
}
