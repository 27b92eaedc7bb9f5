package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real {@code redis-server} on a free loopback port, with the search module loaded when it is
 * installed, optionally serving TLS on a second port (the plain one stays for the test's own checks).
 * It listens on 127.0.0.1 and 127.0.0.2, so that TLS tests can reach it under a name its certificate
 * does not carry.
 * Stopped by its process id.
 */
public final class RedisServer implements AutoCloseable {

    /** Where Debian's {@code redis-redisearch} package puts the module. */
    static final Path DEBIAN_SEARCH_MODULE = Path.of("/usr/lib/redis/modules/redisearch.so");

    private final Process process;
    private final int port;
    private final String password;
    private final boolean searchModule;
    private final int tlsPort;

    private RedisServer(Process process, int port, String password, boolean searchModule, int tlsPort) {
        this.process = process;
        this.port = port;
        this.password = password;
        this.searchModule = searchModule;
        this.tlsPort = tlsPort;
    }

    /** Starts a server without a password. */
    public static RedisServer start(Path logDir) {
        return start(logDir, null);
    }

    /** Starts a server; with a non-null password, clients must authenticate. */
    public static RedisServer start(Path logDir, String password) {
        return start(logDir, password, FreePort.find());
    }

    /** Starts a server on a given port, e.g. to restart one that a test stopped. */
    public static RedisServer start(Path logDir, String password, int port) {
        return start(logDir, password, port, searchModule(), null, null);
    }

    /** Starts a server without any module on a given port: a Redis that cannot search. */
    public static RedisServer startWithoutSearchModule(Path logDir, int port) {
        return start(logDir, null, port, Optional.empty(), null, null);
    }

    /** Starts a server that also serves TLS with this certificate ({@link #url} is then its rediss:// URL). */
    public static RedisServer startTls(Path logDir, String password, TestCertificates.ServerCertificate certificate) {
        return start(logDir, password, FreePort.find(), searchModule(), certificate, null);
    }

    /** Starts a server serving TLS with this certificate, its users from an ACL file (e.g. {@link RedisAcl}). */
    public static RedisServer startTls(Path logDir, TestCertificates.ServerCertificate certificate, Path aclFile) {
        return start(logDir, null, FreePort.find(), searchModule(), certificate, aclFile);
    }

    /** Starts a node of a Redis Cluster, not yet part of one ({@link RedisCluster} joins them). */
    static RedisServer startClusterNode(Path logDir, int port) {
        return start(logDir, null, port, searchModule(), null, null, List.of("--cluster-enabled", "yes",
                "--cluster-config-file", logDir.resolve("cluster-nodes-" + port + ".conf").toString(), "--cluster-node-timeout", "3000"));
    }

    private static RedisServer start(Path logDir, String password, int port, Optional<Path> module,
                                     TestCertificates.ServerCertificate tls, Path aclFile) {
        return start(logDir, password, port, module, tls, aclFile, List.of());
    }

    private static RedisServer start(Path logDir, String password, int port, Optional<Path> module,
                                     TestCertificates.ServerCertificate tls, Path aclFile, List<String> extra) {
        List<String> command = new ArrayList<>(List.of(executable(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "127.0.0.2", "--save", "", "--appendonly", "no",
                "--logfile", logDir.resolve("redis-" + port + ".log").toString()));
        command.addAll(extra);
        // A search over the module's time limit fails instead of returning a partial result as complete.
        module.ifPresent(path -> command.addAll(List.of("--loadmodule", path.toString(), "ON_TIMEOUT", "FAIL")));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        if (aclFile != null) {
            command.addAll(List.of("--aclfile", aclFile.toString()));
        }
        int tlsPort = tls == null ? 0 : FreePort.find();
        if (tls != null) {
            command.addAll(List.of("--tls-port", Integer.toString(tlsPort), "--tls-cert-file", tls.certificate().toString(),
                    "--tls-key-file", tls.key().toString(), "--tls-ca-cert-file", tls.ca().toString(),
                    "--tls-auth-clients", "no"));
        }
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("redis-" + port + ".out").toFile()))
                    .start();
            RedisServer server = new RedisServer(process, port, password, module.isPresent(), tlsPort);
            server.awaitReady(Duration.ofSeconds(20));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static String executable() {
        return Optional.ofNullable(System.getenv("TEST_REDIS_SERVER")).orElse("redis-server");
    }

    /** {@code TEST_REDIS_MODULE} (empty to load none), else the Debian module when installed. */
    private static Optional<Path> searchModule() {
        String configured = System.getenv("TEST_REDIS_MODULE");
        if (configured != null) {
            return configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured));
        }
        return Files.isRegularFile(DEBIAN_SEARCH_MODULE) ? Optional.of(DEBIAN_SEARCH_MODULE) : Optional.empty();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + " on port " + port);
            }
            if (answersPing()) {
                return;
            }
            Processes.sleep(50);
        }
        close();
        throw new IllegalStateException("redis-server did not answer PING within " + timeout);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            // "+PONG" without a password, "-NOAUTH" with one: either way the server is up.
            return first == '+' || first == '-';
        } catch (IOException notYet) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean hasSearchModule() {
        return searchModule;
    }

    /** {@code redis://[:password@]127.0.0.1:port}, or {@code rediss://...} on the TLS port of a TLS server. */
    public String url() {
        return tlsPort == 0 ? plainUrl() : "rediss://" + credentials() + "127.0.0.1:" + tlsPort;
    }

    /** The plain port's URL, also on a TLS server: for the test's own setup and checks. */
    public String plainUrl() {
        return "redis://" + credentials() + "127.0.0.1:" + port;
    }

    /** {@code rediss://} on the TLS port without credentials, for a test to add its own user. */
    public int tlsPort() {
        return tlsPort;
    }

    private String credentials() {
        return password == null ? "" : ":" + password + "@";
    }

    /** Kills the server (SIGKILL): without persistence, what it held is gone. */
    public void kill() {
        Processes.kill(process.pid());
    }

    @Override
    public void close() {
        Processes.stop(process.pid(), Duration.ofSeconds(10));
    }
}
