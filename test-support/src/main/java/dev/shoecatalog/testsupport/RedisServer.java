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
 * installed. Stopped by its process id.
 */
public final class RedisServer implements AutoCloseable {

    /** Where Debian's {@code redis-redisearch} package puts the module. */
    static final Path DEBIAN_SEARCH_MODULE = Path.of("/usr/lib/redis/modules/redisearch.so");

    private final Process process;
    private final int port;
    private final String password;
    private final boolean searchModule;

    private RedisServer(Process process, int port, String password, boolean searchModule) {
        this.process = process;
        this.port = port;
        this.password = password;
        this.searchModule = searchModule;
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
        return start(logDir, password, port, searchModule());
    }

    /** Starts a server without any module on a given port: a Redis that cannot search. */
    public static RedisServer startWithoutSearchModule(Path logDir, int port) {
        return start(logDir, null, port, Optional.empty());
    }

    private static RedisServer start(Path logDir, String password, int port, Optional<Path> module) {
        List<String> command = new ArrayList<>(List.of(executable(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--logfile", logDir.resolve("redis-" + port + ".log").toString()));
        // A search over the module's time limit fails instead of returning a partial result as complete.
        module.ifPresent(path -> command.addAll(List.of("--loadmodule", path.toString(), "ON_TIMEOUT", "FAIL")));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("redis-" + port + ".out").toFile()))
                    .start();
            RedisServer server = new RedisServer(process, port, password, module.isPresent());
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
            sleep(50);
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    /** {@code redis://[:password@]127.0.0.1:port}. */
    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
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
