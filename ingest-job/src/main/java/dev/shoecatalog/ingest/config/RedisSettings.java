package dev.shoecatalog.ingest.config;

import java.io.Serializable;
import java.net.URI;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * How the driver and the executors reach Redis: {@code redis://[user:password@]host:port[/db]}, or
 * {@code rediss://} for TLS with an optional CA file (it must exist on every executor, e.g. a
 * mounted Secret). Sent to the executors with the tasks; {@link #toString} never shows the password.
 *
 * @param batchSize products per pipeline round trip
 */
public record RedisSettings(String url, String caCertPath, int batchSize, int timeoutMillis) implements Serializable {

    /** A new connection; the caller closes it. */
    public Jedis connect() {
        URI uri = URI.create(url);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("shoe-catalog-ingest");
        if (JedisURIHelper.isRedisSSLScheme(uri)) {
            config.ssl(true);
            if (caCertPath != null && !caCertPath.isBlank()) {
                config.sslSocketFactory(CaCertificates.trusting(caCertPath).getSocketFactory());
            }
        }
        return new Jedis(JedisURIHelper.getHostAndPort(uri), config.build());
    }

    /** The URL without its credentials, for messages. */
    public String redactedUrl() {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
    }

    @Override
    public String toString() {
        return "RedisSettings[" + redactedUrl() + ", batchSize=" + batchSize + "]";
    }
}
