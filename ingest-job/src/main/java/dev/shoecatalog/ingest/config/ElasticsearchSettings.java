package dev.shoecatalog.ingest.config;

import java.io.Serializable;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.shoecatalog.model.ElasticsearchUrl;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * How the driver and the executors reach Elasticsearch: hosts or an Elastic Cloud id, a user and
 * password or an API key, and a CA file to trust for https. Sent to the executors with the tasks;
 * {@link #toString} never shows a credential.
 *
 * @param bulkActions    documents per bulk request at most
 * @param bulkBytes      bytes of documents per bulk request at most
 * @param maxRetries     retries of a bulk request (or of its items) answered 429/503 or not answered
 * @param shards         primary shards of a new index; 0: from the product count ({@code auto})
 * @param replicas       {@code index.auto_expand_replicas} once loaded (0 during the load)
 */
public record ElasticsearchSettings(List<String> hosts, String cloudId, String username, String password,
                                    String apiKey, String caCertPath, int bulkActions, long bulkBytes,
                                    int maxRetries, int timeoutMillis, int shards, String replicas) implements Serializable {

    public ElasticsearchSettings {
        hosts = List.copyOf(hosts);
    }

    /** A new client; the caller closes it with {@link #close}. */
    public ElasticsearchClient connect() {
        return new ElasticsearchClient(new RestClientTransport(restClient(), new JacksonJsonpMapper()));
    }

    /** A new low-level client, for requests whose body the caller writes itself; the caller closes it. */
    public RestClient restClient() {
        RestClientBuilder builder = isBlank(cloudId)
                ? RestClient.builder(ElasticsearchUrl.parseAll(hosts, "ELASTICSEARCH_HOSTS").stream()
                        .map(url -> new HttpHost(url.host(), url.port(), url.scheme())).toArray(HttpHost[]::new))
                : RestClient.builder(cloudId);
        builder.setRequestConfigCallback(request -> request.setConnectTimeout(timeoutMillis).setSocketTimeout(timeoutMillis));
        if (!isBlank(apiKey)) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKey)});
        }
        builder.setHttpClientConfigCallback(http -> {
            if (isBlank(apiKey) && !isBlank(username)) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
                http.setDefaultCredentialsProvider(credentials);
            }
            if (!isBlank(caCertPath)) {
                http.setSSLContext(CaCertificates.trusting(caCertPath));
            }
            return http;
        });
        return builder.build();
    }

    public static void close(ElasticsearchClient client) {
        try {
            client._transport().close();
        } catch (Exception e) {
            // Closing only releases connections; nothing to recover.
        }
    }

    /** Where the job writes, for messages. */
    public String target() {
        if (!isBlank(cloudId)) {
            return "Elastic Cloud deployment";
        }
        try {
            return ElasticsearchUrl.parseAll(hosts, "ELASTICSEARCH_HOSTS").toString();
        } catch (IllegalArgumentException e) {
            return "(invalid ELASTICSEARCH_HOSTS)";
        }
    }

    @Override
    public String toString() {
        return "ElasticsearchSettings[" + target() + ", bulkActions=" + bulkActions + ", bulkBytes=" + bulkBytes + "]";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
