package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The files of one Elasticsearch server: distribution, config, data, logs and TLS material. */
final class ElasticsearchWorkspace {

    private static final String DEFAULT_USER = "elasticsearch";
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);

    private final Path home;
    private final Path runDir;
    private final Path logDir;
    private final String user;
    private final int port;

    private ElasticsearchWorkspace(Path home, Path runDir, Path logDir, String user, int port) {
        this.port = port;
        this.home = home;
        this.runDir = runDir;
        this.logDir = logDir;
        this.user = user;
    }

    static ElasticsearchWorkspace create(Path logDir, int port) {
        String user = System.getenv().getOrDefault("TEST_ELASTICSEARCH_USER", DEFAULT_USER);
        Path distribution = distribution();
        try {
            Files.createDirectories(logDir);
            Path home = Processes.runningAsRoot() ? copyForUser(distribution, user) : distribution;
            Path runDir = Files.createTempDirectory("shoes-es-" + port + "-");
            Files.createDirectories(runDir.resolve("data"));
            Files.createDirectories(runDir.resolve("logs"));
            Files.createDirectories(runDir.resolve("tmp"));
            copyTree(home.resolve("config"), runDir.resolve("config"));
            chownIfRoot(runDir, user);
            return new ElasticsearchWorkspace(home, runDir, logDir, user, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare an Elasticsearch workspace", e);
        }
    }

    private static Path distribution() {
        String configured = System.getProperty("test.elasticsearch.home");
        if (configured == null || !Files.isExecutable(Path.of(configured, "bin", "elasticsearch"))) {
            throw new IllegalStateException("No Elasticsearch distribution at test.elasticsearch.home=" + configured
                    + "; the module's build unpacks it (maven-dependency-plugin execution unpack-test-elasticsearch)"
                    + " or set TEST_ELASTICSEARCH_URL to use an external server");
        }
        return Path.of(configured);
    }

    /** Elasticsearch refuses root: a copy of the distribution, once per user, that the user owns. */
    private static Path copyForUser(Path distribution, String user) throws IOException {
        requireUser(user);
        Path copy = Path.of(System.getProperty("java.io.tmpdir"), "shoes-" + distribution.getFileName() + "-" + user);
        if (Files.isExecutable(copy.resolve("bin/elasticsearch"))) {
            return copy;
        }
        Path partial = Files.createTempDirectory(copy.getParent(), copy.getFileName() + ".partial-");
        copyTree(distribution, partial);
        chownIfRoot(partial, user);
        try {
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherRunWon) {
            deleteTree(partial);
        }
        return copy;
    }

    private static void requireUser(String user) {
        try {
            Process id = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
            if (id.waitFor() != 0) {
                throw new IllegalStateException("Elasticsearch cannot run as root and user '" + user + "' does not exist:"
                        + " create it (useradd --system " + user + ") or set TEST_ELASTICSEARCH_USER");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path logDir() {
        return logDir;
    }

    Path pidFile() {
        return runDir.resolve("elasticsearch.pid");
    }

    Path config() {
        return runDir.resolve("config");
    }

    /** A command of the distribution's bin/, run as the unprivileged user with this workspace's config. */
    List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("env",
                "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_PATH_CONF=" + config(),
                "ES_TMPDIR=" + runDir.resolve("tmp"),
                "ES_JAVA_OPTS=" + System.getenv().getOrDefault("TEST_ELASTICSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m")));
        command.add(home.resolve(args[0]).toString());
        command.addAll(List.of(args).subList(1, args.length));
        return Processes.asUser(user, command);
    }

    void writeSettings(int transportPort, boolean secured) {
        String settings = String.join("\n",
                "cluster.name: shoes-test-" + port,
                "node.name: node-" + port,
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + port,
                // A second loopback address for TLS tests: the server under a name its certificate does not carry.
                "http.bind_host: [\"127.0.0.1\", \"127.0.0.2\"]",
                "http.publish_host: 127.0.0.1",
                "transport.port: " + transportPort,
                "path.data: " + runDir.resolve("data"),
                "path.logs: " + runDir.resolve("logs"),
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "xpack.security.enabled: " + secured,
                secured ? "xpack.security.http.ssl.enabled: true" : "",
                secured ? "xpack.security.http.ssl.key: certs/node/node.key" : "",
                secured ? "xpack.security.http.ssl.certificate: certs/node/node.crt" : "",
                secured ? "xpack.security.http.ssl.certificate_authorities: certs/ca/ca.crt" : "",
                "");
        try {
            Files.writeString(config().resolve("elasticsearch.yml"), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ElasticsearchEndpoint plain() {
        return ElasticsearchEndpoint.plain("http://127.0.0.1:" + port);
    }

    /** Generates a CA and a node certificate for 127.0.0.1/localhost, and a superuser with a random password. */
    ElasticsearchEndpoint secure(String username) {
        Path certs = config().resolve("certs");
        Path log = logDir.resolve("elasticsearch-tools.log");
        try {
            Files.createDirectories(certs);
            chownIfRoot(certs, user);
            Processes.run(command("bin/elasticsearch-certutil", "ca", "--pem", "--silent",
                    "--out", certs.resolve("ca.zip").toString()), log, TOOL_TIMEOUT);
            unzip(certs.resolve("ca.zip"), certs);
            Processes.run(command("bin/elasticsearch-certutil", "cert", "--pem", "--silent", "--name", "node",
                    "--ca-cert", certs.resolve("ca/ca.crt").toString(), "--ca-key", certs.resolve("ca/ca.key").toString(),
                    "--ip", "127.0.0.1", "--dns", "localhost", "--out", certs.resolve("node.zip").toString()), log, TOOL_TIMEOUT);
            unzip(certs.resolve("node.zip"), certs);
            return secured(username, certs.resolve("ca/ca.crt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate TLS material", e);
        }
    }

    /** Serves the given certificate (at the paths {@link #writeSettings} names) and adds a superuser. */
    ElasticsearchEndpoint secure(String username, TestCertificates.ServerCertificate certificate) {
        Path certs = config().resolve("certs");
        try {
            Files.createDirectories(certs.resolve("node"));
            Files.createDirectories(certs.resolve("ca"));
            Files.copy(certificate.certificate(), certs.resolve("node/node.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(certificate.key(), certs.resolve("node/node.key"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(certificate.ca(), certs.resolve("ca/ca.crt"), StandardCopyOption.REPLACE_EXISTING);
            return secured(username, certificate.ca());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the TLS material", e);
        }
    }

    private ElasticsearchEndpoint secured(String username, Path ca) throws IOException {
        chownIfRoot(config().resolve("certs"), user);
        String password = UUID.randomUUID().toString();
        addUser(username, password, "superuser");
        Path caCopy = logDir.resolve("ca-" + port + ".crt");
        Files.copy(ca, caCopy, StandardCopyOption.REPLACE_EXISTING);
        return new ElasticsearchEndpoint("https://127.0.0.1:" + port, username, password, caCopy);
    }

    /** A file-realm user with one role (built-in, or from the roles file given to {@link #addRoles}). */
    void addUser(String username, String password, String role) {
        Processes.run(command("bin/elasticsearch-users", "useradd", username, "-p", password, "-r", role),
                logDir.resolve("elasticsearch-tools.log"), TOOL_TIMEOUT);
    }

    /** File-realm roles: a roles.yml such as the Helm chart's. */
    void addRoles(Path rolesYml) {
        try {
            Files.copy(rolesYml, config().resolve("roles.yml"), StandardCopyOption.REPLACE_EXISTING);
            chownIfRoot(config().resolve("roles.yml"), user);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + rolesYml, e);
        }
    }

    void saveLogsAndDelete() {
        try (Stream<Path> logs = Files.list(runDir.resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, logDir.resolve("elasticsearch-" + port + "-" + log.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep the Elasticsearch logs: " + e);
        }
        deleteTree(runDir);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void chownIfRoot(Path path, String user) {
        if (Processes.runningAsRoot()) {
            Processes.run(List.of("chown", "-R", user + ":", path.toString()),
                    Path.of(System.getProperty("java.io.tmpdir"), "shoes-chown.log"), Duration.ofMinutes(2));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
