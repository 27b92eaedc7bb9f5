package dev.shoecatalog.query.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import co.elastic.clients.transport.TransportUtils;
import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import jakarta.enterprise.context.Dependent;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;

/** Trusts the CA of {@code ELASTICSEARCH_CA_CERT} for https, which the Quarkus client has no setting for. */
@ElasticsearchClientConfig
@Dependent
public class ElasticsearchTlsConfig implements RestClientBuilder.HttpClientConfigCallback {

    private final QueryConfig config;

    ElasticsearchTlsConfig(QueryConfig config) {
        this.config = config;
    }

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        config.elasticsearch().caCert().filter(path -> !path.isBlank())
                .ifPresent(path -> builder.setSSLContext(trusting(Path.of(path))));
        return builder;
    }

    private static SSLContext trusting(Path pem) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(pem.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ELASTICSEARCH_CA_CERT " + pem, e);
        }
    }
}
