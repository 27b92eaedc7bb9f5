package dev.shoecatalog.ingest;

import java.nio.file.Path;

import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ElasticsearchEndpoint;
import dev.shoecatalog.testsupport.ElasticsearchServer;
import dev.shoecatalog.testsupport.RedisServer;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS and authentication settings against an Elasticsearch with security on and a Redis with a password. */
class SecuredStoresTest {

    private static RedisServer redis;
    private static ElasticsearchServer elasticsearch;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        redis = RedisServer.start(TestStores.logDir(), "s3cret-redis");
        elasticsearch = ElasticsearchServer.startSecured(TestStores.logDir());
    }

    @AfterAll
    static void stop() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void loadsOverTlsWithUserPasswordAndCaCertificate() {
        ElasticsearchEndpoint endpoint = elasticsearch.endpoint();
        assertThat(endpoint.url()).startsWith("https://");

        assertThat(new JobRunner(redis.url(), endpoint, dir).run(Datasets.sample())).isZero();

        try (StoreReader stores = new StoreReader(redis.url(), endpoint)) {
            assertThat(stores.redisIds()).isNotEmpty().isEqualTo(stores.elasticIds());
        }
    }

    @Test
    void wrongCredentialsOrAnUntrustedCertificateFailTheRun() {
        ElasticsearchEndpoint good = elasticsearch.endpoint();
        ElasticsearchEndpoint wrongPassword = new ElasticsearchEndpoint(good.url(), good.username(), "wrong", good.caCert());
        ElasticsearchEndpoint untrusted = new ElasticsearchEndpoint(good.url(), good.username(), good.password(), null);
        String redisWrongPassword = redis.url().replace("s3cret-redis", "wrong");

        assertThat(new JobRunner(redis.url(), wrongPassword, dir).run(Datasets.sample())).isEqualTo(1);
        assertThat(new JobRunner(redis.url(), untrusted, dir).run(Datasets.sample())).isEqualTo(1);
        assertThat(new JobRunner(redisWrongPassword, good, dir).run(Datasets.sample())).isEqualTo(1);
    }
}
