package dev.shoecatalog.query.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchHostsConfigSourceTest {

    @Test
    void urlsBecomeHostsAndProtocol() {
        ElasticsearchHostsConfigSource source = new ElasticsearchHostsConfigSource("https://es-0:9200, https://es-1", null);
        assertThat(source.getValue("quarkus.elasticsearch.hosts")).isEqualTo("es-0:9200,es-1:9200");
        assertThat(source.getValue("quarkus.elasticsearch.protocol")).isEqualTo("https");
    }

    @Test
    void defaultsToLocalhost() {
        ElasticsearchHostsConfigSource source = new ElasticsearchHostsConfigSource(null, null);
        assertThat(source.getValue("quarkus.elasticsearch.hosts")).isEqualTo("localhost:9200");
        assertThat(source.getValue("quarkus.elasticsearch.protocol")).isEqualTo("http");
    }

    @Test
    void cloudIdPointsAtTheDeploymentOverHttps() {
        String cloudId = "shoes:" + Base64.getEncoder().encodeToString("eu-west-1.aws.example.io$abc123$kib456".getBytes(StandardCharsets.UTF_8));
        ElasticsearchHostsConfigSource source = new ElasticsearchHostsConfigSource("http://ignored:9200", cloudId);
        assertThat(source.getValue("quarkus.elasticsearch.hosts")).isEqualTo("abc123.eu-west-1.aws.example.io:443");
        assertThat(source.getValue("quarkus.elasticsearch.protocol")).isEqualTo("https");
    }

    @Test
    void mixedProtocolsAreRefused() {
        assertThatThrownBy(() -> new ElasticsearchHostsConfigSource("http://a:9200,https://b:9200", null))
                .hasMessageContaining("mixes http and https");
    }
}
