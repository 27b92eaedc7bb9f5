package dev.shoecatalog.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Redis and Elasticsearch as the chart runs them: TLS, the chart's Redis users and Elasticsearch
 * roles, a password per program. Their certificates name 127.0.0.1 and localhost; both servers also
 * listen on {@link #UNNAMED_ADDRESS}, which the certificates do not name: the same server under a
 * name its certificate does not carry, as a client that checks host names must refuse it. A second
 * CA that signed nothing stands for "a CA the client does not trust". Every password holds
 * {@link #MARKER} and characters a URL must escape, so that a test can look for it in any output.
 */
public final class SecuredStores implements AutoCloseable {

    /** In every password here: no output of either program may contain it. */
    public static final String MARKER = "Mk7leakcheck";
    public static final String ADMIN_PASSWORD = MARKER + "-admin @:/#%^";
    public static final String INGEST_PASSWORD = MARKER + "-ingest @:/#%^";
    public static final String QUERY_PASSWORD = MARKER + "-query @:/#%^";
    public static final String ELASTICSEARCH_INGEST_USER = "shoes-ingest";
    public static final String ELASTICSEARCH_QUERY_USER = "shoes-query";
    /** A loopback address the servers listen on and their certificates do not name. */
    public static final String UNNAMED_ADDRESS = "127.0.0.2";

    private final RedisServer redis;
    private final ElasticsearchServer elasticsearch;
    private final Path trustedCa;
    private final Path untrustedCa;

    private SecuredStores(RedisServer redis, ElasticsearchServer elasticsearch, Path trustedCa, Path untrustedCa) {
        this.redis = redis;
        this.elasticsearch = elasticsearch;
        this.trustedCa = trustedCa;
        this.untrustedCa = untrustedCa;
    }

    /** Starts both servers; certificates and the ACL file go to {@code dir}. */
    public static SecuredStores start(Path dir) {
        TestCertificates ca = TestCertificates.authority(dir.resolve("ca"));
        TestCertificates otherCa = TestCertificates.authority(dir.resolve("other-ca"));
        Path acl = RedisAcl.write(dir.resolve("users.acl"), ADMIN_PASSWORD, INGEST_PASSWORD, QUERY_PASSWORD);
        TestCertificates.ServerCertificate loopback = ca.loopback();
        List<ElasticsearchServer.User> users = List.of(
                new ElasticsearchServer.User(ELASTICSEARCH_INGEST_USER, INGEST_PASSWORD, "shoe_catalog_writer"),
                new ElasticsearchServer.User(ELASTICSEARCH_QUERY_USER, QUERY_PASSWORD, "shoe_catalog_reader"));
        Path roles = ChartFiles.file("elasticsearch-roles.yml");
        RedisServer redis = RedisServer.startTls(TestStores.logDir(), loopback, acl);
        try {
            ElasticsearchServer elasticsearch = ElasticsearchServer.startSecured(TestStores.logDir(), loopback, roles, users);
            return new SecuredStores(redis, elasticsearch, ca.caCertificate(), otherCa.caCertificate());
        } catch (RuntimeException e) {
            closeQuietly(redis);
            throw e;
        }
    }

    /** {@code rediss://user:password@127.0.0.1:port}, the password percent-encoded. */
    public String redisUrl(String user, String password) {
        return redisUrl("127.0.0.1", user, password);
    }

    /** The same at another address of the server, e.g. {@link #UNNAMED_ADDRESS}. */
    public String redisUrl(String address, String user, String password) {
        return "rediss://" + user + ":" + encode(password) + "@" + address + ":" + redis.tlsPort();
    }

    /** {@code rediss://address:port}, for credentials given apart (REDIS_USERNAME, REDIS_PASSWORD). */
    public String redisUrl(String address) {
        return "rediss://" + address + ":" + redis.tlsPort();
    }

    /** {@code https://address:port} of Elasticsearch. */
    public String elasticsearchUrl(String address) {
        return "https://" + address + ":" + elasticsearch.port();
    }

    /** The administrator's URL (the plain port), for the test's own setup and checks. */
    public String redisAdminUrl() {
        return "redis://default:" + encode(ADMIN_PASSWORD) + "@127.0.0.1:" + redis.port();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public RedisServer redis() {
        return redis;
    }

    public ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    public Path trustedCa() {
        return trustedCa;
    }

    public Path untrustedCa() {
        return untrustedCa;
    }

    @Override
    public void close() {
        closeQuietly(elasticsearch);
        closeQuietly(redis);
    }

    private static void closeQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("could not stop " + server + ": " + e);
        }
    }
}
