package dev.shoecatalog.ingest.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLParameters;

import dev.shoecatalog.model.RedisUrl;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * How the driver and the executors reach Redis: {@code redis://[user:password@]host:port[/db]}, or
 * {@code rediss://} for TLS with an optional CA file (it must exist on every executor, e.g. a
 * mounted Secret). TLS checks the certificate chain and that the certificate names the host of the
 * URL. Sent to the executors with the tasks; {@link #toString} never shows the password.
 *
 * <p>{@code REDIS_CLIENT_TYPE=cluster} selects Redis Cluster: {@code REDIS_URL} then lists one or more
 * seed URLs, comma-separated (the first one's user, password and scheme apply to every node), and the
 * client finds the rest of the cluster from them.
 *
 * @param url the first (or only) URL
 * @param seeds every URL given, {@code url} first
 * @param batchSize products per pipeline round trip
 */
public record RedisSettings(RedisUrl url, List<RedisUrl> seeds, boolean cluster, String caCertPath, int batchSize, int timeoutMillis)
        implements Serializable {

    private static final int CLUSTER_MAX_ATTEMPTS = 5;

    /** Settings from the text of {@code REDIS_URL}; an error names what is wrong without repeating the URL. */
    public static RedisSettings of(String url, String caCertPath, int batchSize, int timeoutMillis) {
        return of(url, null, null, caCertPath, batchSize, timeoutMillis);
    }

    /** The same with a user and password given apart from the URL ({@code REDIS_USERNAME}, {@code REDIS_PASSWORD}), which win. */
    public static RedisSettings of(String url, String username, String password, String caCertPath, int batchSize, int timeoutMillis) {
        return of("standalone", url, username, password, caCertPath, batchSize, timeoutMillis);
    }

    /** The same for a client type ({@code REDIS_CLIENT_TYPE}: standalone or cluster). */
    public static RedisSettings of(String clientType, String url, String username, String password, String caCertPath, int batchSize,
                                   int timeoutMillis) {
        String type = clientType == null || clientType.isBlank() ? "standalone" : clientType.strip().toLowerCase(Locale.ROOT);
        if (!type.equals("standalone") && !type.equals("cluster")) {
            throw new IllegalArgumentException("REDIS_CLIENT_TYPE must be standalone or cluster, not \"" + clientType + "\"");
        }
        boolean cluster = type.equals("cluster");
        List<RedisUrl> seeds = cluster ? RedisUrl.parseSeeds(url, "REDIS_URL", username, password)
                : List.of(RedisUrl.parse(url, "REDIS_URL").withCredentials(username, password));
        return new RedisSettings(seeds.get(0), seeds, cluster, caCertPath, batchSize, timeoutMillis);
    }

    /**
     * A client for the catalog's keys: a small pool of connections to a standalone server, or a cluster client that
     * sends each command to the master of its key's slot. The caller closes it.
     */
    public UnifiedJedis client() {
        if (!cluster) {
            return new JedisPooled(new HostAndPort(url.host(), url.port()), config()); // a pool: pipelines need one
        }
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        seeds.forEach(seed -> nodes.add(new HostAndPort(seed.host(), seed.port())));
        return new JedisCluster(nodes, config(), CLUSTER_MAX_ATTEMPTS);
    }

    /**
     * One connection to each master: the server itself, or every master of the cluster that
     * {@code client} (from {@link #client}) knows, for what each node answers alone (memory, modules).
     * The caller closes them.
     */
    public List<Jedis> masters(UnifiedJedis client) {
        if (!(client instanceof JedisCluster clusterClient)) {
            return List.of(connect());
        }
        List<Jedis> masters = new ArrayList<>();
        for (Map.Entry<String, ConnectionPool> node : clusterClient.getClusterNodes().entrySet()) {
            Jedis jedis = new Jedis(HostAndPort.from(node.getKey()), config());
            if (jedis.info("replication").contains("role:master")) {
                masters.add(jedis);
            } else {
                jedis.close();
            }
        }
        return masters;
    }

    /** A new connection to the (first) server; the caller closes it. */
    public Jedis connect() {
        return new Jedis(new HostAndPort(url.host(), url.port()), config());
    }

    private JedisClientConfig config() {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .user(url.user())
                .password(url.password())
                .database(url.database())
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("shoe-catalog-ingest");
        if (url.tls()) {
            // Jedis checks the host name only when asked to; "HTTPS" is RFC 2818's check (DNS and IP names).
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            config.ssl(true).sslParameters(parameters);
            if (caCertPath != null && !caCertPath.isBlank()) {
                config.sslSocketFactory(CaCertificates.trusting(caCertPath).getSocketFactory());
            }
        }
        return config.build();
    }

    /** The URL without its credentials, for messages. */
    public String redactedUrl() {
        return url.redacted();
    }

    @Override
    public String toString() {
        return "RedisSettings[" + redactedUrl() + (cluster ? " (cluster)" : "") + ", batchSize=" + batchSize + "]";
    }
}
