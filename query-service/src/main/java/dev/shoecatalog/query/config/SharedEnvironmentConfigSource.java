package dev.shoecatalog.query.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.shoecatalog.model.ElasticsearchUrl;
import dev.shoecatalog.model.RedisUrl;

import org.apache.http.HttpHost;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.elasticsearch.client.RestClient;

/**
 * Translates the project-wide variables, which the job and the Helm chart use too, into the Quarkus
 * clients' settings: {@code ELASTICSEARCH_HOSTS} ({@code http(s)://host:port,...}) or
 * {@code ELASTICSEARCH_CLOUD_ID} into {@code quarkus.elasticsearch.hosts} ({@code host:port,...}) and
 * {@code quarkus.elasticsearch.protocol}; {@code REDIS_URL} (with {@code REDIS_USERNAME} and
 * {@code REDIS_PASSWORD} when set) into {@code quarkus.redis.hosts}, and for
 * {@code rediss://} or {@code REDIS_CA_CERT} a TLS configuration for the Redis client that checks the
 * host name. {@code REDIS_CLIENT_TYPE=cluster} selects Redis Cluster ({@code quarkus.redis.client-type}):
 * {@code REDIS_URL} then lists one or more seed URLs, comma-separated, the first one's user and password
 * applying to all. A value that does not parse stops the start with an error naming the variable, never
 * showing its value. Only what is set: the local defaults ({@code localhost:9200}, http) are in
 * {@code application.properties}. Ordinal 275: a variable given at deploy time wins over
 * {@code application.properties} (250); system properties (400) and {@code QUARKUS_*} variables (300)
 * win over it.
 */
public final class SharedEnvironmentConfigSource implements ConfigSource {

    static final String HOSTS = "quarkus.elasticsearch.hosts";
    static final String PROTOCOL = "quarkus.elasticsearch.protocol";
    static final String REDIS_HOSTS = "quarkus.redis.hosts";
    static final String REDIS_TLS_NAME = "shoes-redis";
    static final int ORDINAL = 275;

    private final Map<String, String> values = new HashMap<>();

    public SharedEnvironmentConfigSource() {
        this(System.getenv("ELASTICSEARCH_HOSTS"), System.getenv("ELASTICSEARCH_CLOUD_ID"), System.getenv("REDIS_CLIENT_TYPE"),
                System.getenv("REDIS_URL"), System.getenv("REDIS_USERNAME"), System.getenv("REDIS_PASSWORD"), System.getenv("REDIS_CA_CERT"));
    }

    SharedEnvironmentConfigSource(String hosts, String cloudId, String redisUrl, String redisCaCert) {
        this(hosts, cloudId, redisUrl, null, null, redisCaCert);
    }

    SharedEnvironmentConfigSource(String hosts, String cloudId, String redisUrl, String redisUsername, String redisPassword,
                                  String redisCaCert) {
        this(hosts, cloudId, null, redisUrl, redisUsername, redisPassword, redisCaCert);
    }

    SharedEnvironmentConfigSource(String hosts, String cloudId, String redisClientType, String redisUrl, String redisUsername,
                                  String redisPassword, String redisCaCert) {
        boolean cluster = redisClientType != null && redisClientType.strip().equalsIgnoreCase("cluster");
        if (redisClientType != null && !redisClientType.isBlank() && !cluster
                && !redisClientType.strip().equalsIgnoreCase("standalone")) {
            throw new IllegalArgumentException("REDIS_CLIENT_TYPE must be standalone or cluster");
        }
        if (cluster) {
            values.put("quarkus.redis.client-type", "cluster");
        }
        if (cloudId != null && !cloudId.isBlank()) {
            values.putAll(Map.of(HOSTS, cloudHost(cloudId), PROTOCOL, "https"));
        } else if (hosts != null && !hosts.isBlank()) {
            values.putAll(translate(hosts));
        }
        if (redisUrl != null && !redisUrl.isBlank() || redisPassword != null && !redisPassword.isEmpty()) {
            // Parsed here, by code that never repeats a URL in an error, before the client sees it.
            String base = redisUrl == null || redisUrl.isBlank() ? "redis://localhost:6379" : redisUrl;
            List<RedisUrl> seeds = cluster ? RedisUrl.parseSeeds(base, "REDIS_URL", redisUsername, redisPassword)
                    : List.of(RedisUrl.parse(base, "REDIS_URL").withCredentials(redisUsername, redisPassword));
            RedisUrl url = seeds.get(0);
            values.put(REDIS_HOSTS, seeds.stream().map(RedisUrl::toUrlWithCredentials).collect(Collectors.joining(",")));
            if (url.tls()) {
                // The certificate must name the host of the URL (RFC 2818), with or without a CA file.
                values.put("quarkus.redis.tls-configuration-name", REDIS_TLS_NAME);
                values.put("quarkus.tls." + REDIS_TLS_NAME + ".hostname-verification-algorithm", "HTTPS");
            }
        }
        if (redisCaCert != null && !redisCaCert.isBlank()) {
            values.put("quarkus.redis.tls-configuration-name", REDIS_TLS_NAME);
            values.put("quarkus.tls." + REDIS_TLS_NAME + ".trust-store.pem.certs", redisCaCert);
        }
    }

    /** {@code http(s)://host:port} list to host list and protocol; all hosts must share one protocol. */
    static Map<String, String> translate(String urls) {
        List<ElasticsearchUrl> hosts = ElasticsearchUrl.parseAll(List.of(urls), "ELASTICSEARCH_HOSTS");
        return Map.of(HOSTS, hosts.stream().map(ElasticsearchUrl::hostAndPort).collect(Collectors.joining(",")),
                PROTOCOL, hosts.get(0).scheme());
    }

    /**
     * Elasticsearch's {@code host:port} in an Elastic Cloud id, decoded by the client itself
     * ({@code RestClient.builder(cloudId)}), whose nodes can be read once it is built; the Quarkus
     * extension takes host lists only. The error never repeats the id.
     */
    static String cloudHost(String cloudId) {
        RestClient decoded;
        try {
            decoded = RestClient.builder(cloudId.strip()).build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ELASTICSEARCH_CLOUD_ID is not a valid cloud id");
        }
        try (decoded) {
            HttpHost host = decoded.getNodes().get(0).getHost();
            return host.getHostName() + ":" + host.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "shared environment variables";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
