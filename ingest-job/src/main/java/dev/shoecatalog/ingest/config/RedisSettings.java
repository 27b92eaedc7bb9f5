package dev.shoecatalog.ingest.config;

import java.io.Serializable;

import javax.net.ssl.SSLParameters;

import dev.shoecatalog.model.RedisUrl;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * How the driver and the executors reach Redis: {@code redis://[user:password@]host:port[/db]}, or
 * {@code rediss://} for TLS with an optional CA file (it must exist on every executor, e.g. a
 * mounted Secret). TLS checks the certificate chain and that the certificate names the host of the
 * URL. Sent to the executors with the tasks; {@link #toString} never shows the password.
 *
 * @param batchSize products per pipeline round trip
 */
public record RedisSettings(RedisUrl url, String caCertPath, int batchSize, int timeoutMillis) implements Serializable {

    /** Settings from the text of {@code REDIS_URL}; an error names what is wrong without repeating the URL. */
    public static RedisSettings of(String url, String caCertPath, int batchSize, int timeoutMillis) {
        return of(url, null, null, caCertPath, batchSize, timeoutMillis);
    }

    /** The same with a user and password given apart from the URL ({@code REDIS_USERNAME}, {@code REDIS_PASSWORD}), which win. */
    public static RedisSettings of(String url, String username, String password, String caCertPath, int batchSize, int timeoutMillis) {
        return new RedisSettings(RedisUrl.parse(url, "REDIS_URL").withCredentials(username, password), caCertPath, batchSize,
                timeoutMillis);
    }

    /** A new connection; the caller closes it. */
    public Jedis connect() {
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
        return new Jedis(new HostAndPort(url.host(), url.port()), config.build());
    }

    /** The URL without its credentials, for messages. */
    public String redactedUrl() {
        return url.redacted();
    }

    @Override
    public String toString() {
        return "RedisSettings[" + redactedUrl() + ", batchSize=" + batchSize + "]";
    }
}
