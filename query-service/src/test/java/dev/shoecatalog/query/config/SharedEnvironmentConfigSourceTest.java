package dev.shoecatalog.query.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedEnvironmentConfigSourceTest {

    @Test
    void urlsBecomeHostsAndProtocol() {
        SharedEnvironmentConfigSource source = new SharedEnvironmentConfigSource("https://es-0:9200, https://es-1", null, null, null);
        assertThat(source.getValue("quarkus.elasticsearch.hosts")).isEqualTo("es-0:9200,es-1:9200");
        assertThat(source.getValue("quarkus.elasticsearch.protocol")).isEqualTo("https");
        String withPort = "shoes:" + Base64.getEncoder().encodeToString("example.io:9243$abc123$kib456".getBytes(StandardCharsets.UTF_8));
        assertThat(new SharedEnvironmentConfigSource(null, withPort, null, null).getValue("quarkus.elasticsearch.hosts"))
                .isEqualTo("abc123.example.io:9243");
    }

    @Test
    void aCloudIdThatDoesNotDecodeIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> new SharedEnvironmentConfigSource(null, "shoes:not-base64-secret!", null, null))
                .hasMessage("ELASTICSEARCH_CLOUD_ID is not a valid cloud id");
        String oneHost = "shoes:" + Base64.getEncoder().encodeToString("example.io".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new SharedEnvironmentConfigSource(null, oneHost, null, null))
                .hasMessage("ELASTICSEARCH_CLOUD_ID is not a valid cloud id");
    }

    @Test
    void aClusterTakesSeedUrlsWithTheFirstOnesCredentials() {
        SharedEnvironmentConfigSource source = new SharedEnvironmentConfigSource(null, null, "Cluster",
                "redis://node-0:7000, redis://node-1:7001", "shoes-query", "p@ss", null);
        assertThat(source.getValue("quarkus.redis.client-type")).isEqualTo("cluster");
        assertThat(source.getValue("quarkus.redis.hosts"))
                .isEqualTo("redis://shoes-query:p%40ss@node-0:7000/0,redis://shoes-query:p%40ss@node-1:7001/0");
        // A list is a cluster's: one standalone server has one URL.
        assertThatThrownBy(() -> new SharedEnvironmentConfigSource(null, null, "standalone", "redis://a:1,redis://b:2", null, null, null))
                .hasMessageContaining("REDIS_URL").hasMessageNotContaining("redis://a");
        assertThatThrownBy(() -> new SharedEnvironmentConfigSource(null, null, "sentinel", "redis://a:1", null, null, null))
                .hasMessageContaining("REDIS_CLIENT_TYPE");
    }

    @Test
    void setsNothingWhenTheVariablesAreNotSet() {
        assertThat(new SharedEnvironmentConfigSource(null, null, null, null).getPropertyNames()).isEmpty();
    }

    private static String hosts(SharedEnvironmentConfigSource shared, Map<String, String> applicationProperties,
                                Map<String, String> environment, Map<String, String> systemProperties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(shared,
                new PropertiesConfigSource(applicationProperties, "application.properties", 250),
                new EnvConfigSource(environment, 300),
                new PropertiesConfigSource(systemProperties, "system properties", 400)).build();
        return config.getValue("quarkus.elasticsearch.hosts", String.class);
    }

    @Test
    void applicationPropertiesGiveTheDefaultAVariableReplacesItAndSystemPropertiesWin() {
        Map<String, String> properties = Map.of("quarkus.elasticsearch.hosts", "from-properties:9200");
        SharedEnvironmentConfigSource unset = new SharedEnvironmentConfigSource(null, null, null, null);
        SharedEnvironmentConfigSource set = new SharedEnvironmentConfigSource("http://from-variable:9200", null, null, null);
        assertThat(hosts(unset, properties, Map.of(), Map.of())).isEqualTo("from-properties:9200");
        assertThat(hosts(set, properties, Map.of(), Map.of())).isEqualTo("from-variable:9200");
        assertThat(hosts(set, properties, Map.of("QUARKUS_ELASTICSEARCH_HOSTS", "from-quarkus-variable:9200"), Map.of()))
                .isEqualTo("from-quarkus-variable:9200");
        assertThat(hosts(set, properties, Map.of(), Map.of("quarkus.elasticsearch.hosts", "from-system-property:9200")))
                .isEqualTo("from-system-property:9200");
    }

    @Test
    void cloudIdPointsAtTheDeploymentOverHttps() {
        String cloudId = "shoes:" + Base64.getEncoder().encodeToString("eu-west-1.aws.example.io$abc123$kib456".getBytes(StandardCharsets.UTF_8));
        SharedEnvironmentConfigSource source = new SharedEnvironmentConfigSource("http://ignored:9200", cloudId, null, null);
        assertThat(source.getValue("quarkus.elasticsearch.hosts")).isEqualTo("abc123.eu-west-1.aws.example.io:443");
        assertThat(source.getValue("quarkus.elasticsearch.protocol")).isEqualTo("https");
    }

    @Test
    void aRedisCaCertificateBecomesTheRedisTlsConfiguration() {
        SharedEnvironmentConfigSource source = new SharedEnvironmentConfigSource(null, null, null, "/etc/shoes/redis-ca.pem");
        assertThat(source.getValue("quarkus.redis.tls-configuration-name")).isEqualTo("shoes-redis");
        assertThat(source.getValue("quarkus.tls.shoes-redis.trust-store.pem.certs")).isEqualTo("/etc/shoes/redis-ca.pem");
        assertThat(new SharedEnvironmentConfigSource(null, null, null, null).getPropertyNames())
                .doesNotContain("quarkus.redis.tls-configuration-name");
    }

    @Test
    void mixedProtocolsAreRefused() {
        assertThatThrownBy(() -> new SharedEnvironmentConfigSource("http://a:9200,https://b:9200", null, null, null))
                .hasMessageContaining("mixes http and https");
    }

    @Test
    void aRedisUrlIsParsedAndTlsChecksTheHostName() {
        SharedEnvironmentConfigSource source = new SharedEnvironmentConfigSource(null, null,
                "rediss://shoes-query:p%40ss%20word@redis.example:6380", null);
        assertThat(source.getValue("quarkus.redis.hosts")).isEqualTo("rediss://shoes-query:p%40ss%20word@redis.example:6380/0");
        assertThat(source.getValue("quarkus.tls.shoes-redis.hostname-verification-algorithm")).isEqualTo("HTTPS");
        assertThat(new SharedEnvironmentConfigSource(null, null, "redis://localhost:6379", null).getPropertyNames())
                .containsExactly("quarkus.redis.hosts");
    }

    @Test
    void aRedisUserAndPasswordGivenApartNeedNoEscaping() {
        SharedEnvironmentConfigSource source = new SharedEnvironmentConfigSource(null, null, "rediss://redis:6379",
                "shoes-query", "p@ss word/#", null);
        assertThat(source.getValue("quarkus.redis.hosts")).isEqualTo("rediss://shoes-query:p%40ss%20word%2F%23@redis:6379/0");
    }

    @Test
    void badUrlsAreRefusedWithoutShowingThem() {
        assertThatThrownBy(() -> new SharedEnvironmentConfigSource(null, null, "redis://:Marker9 x@host:6379", null))
                .hasMessageStartingWith("REDIS_URL is not a valid").hasMessageNotContaining("Marker9");
        assertThatThrownBy(() -> new SharedEnvironmentConfigSource("https://elastic:Marker9@host:9200", null, null, null))
                .hasMessageContaining("must not hold credentials").hasMessageNotContaining("Marker9");
    }
}
