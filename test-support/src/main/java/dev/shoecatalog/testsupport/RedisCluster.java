package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis Cluster of three masters (no replicas) on free loopback ports, each node a
 * {@link RedisServer} with the search module where installed, joined with {@code redis-cli --cluster
 * create}. Stopped by the nodes' process ids.
 */
public final class RedisCluster implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(30);

    private final List<RedisServer> masters;
    private final Path logDir;

    private RedisCluster(List<RedisServer> masters, Path logDir) {
        this.masters = masters;
        this.logDir = logDir;
    }

    public static RedisCluster start(Path logDir) {
        List<RedisServer> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(RedisServer.startClusterNode(logDir, FreePort.find()));
            }
            RedisCluster cluster = new RedisCluster(List.copyOf(nodes), logDir);
            cluster.create();
            return cluster;
        } catch (RuntimeException e) {
            nodes.forEach(RedisServer::close);
            throw e;
        }
    }

    private void create() {
        List<String> command = new ArrayList<>(List.of(cli(), "--cluster", "create"));
        masters.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        run(command, logDir.resolve("redis-cluster-create-" + masters.get(0).port() + ".log"));
        awaitHealthy();
    }

    /** Waits until every master says the cluster is ok, e.g. after one was paused. */
    public void awaitHealthy() {
        Path log = logDir.resolve("redis-cluster-create-" + masters.get(0).port() + ".log");
        long deadline = System.nanoTime() + READY.toNanos();
        while (!masters.stream().allMatch(node -> info(node.port(), log).contains("cluster_state:ok"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Redis Cluster was not ready within " + READY + " (see " + log + ")");
            }
            Processes.sleep(100);
        }
    }

    /** {@code redis://127.0.0.1:port} of every master, comma-separated: what {@code REDIS_URL} takes for a cluster. */
    public String url() {
        return String.join(",", masters.stream().map(node -> "redis://127.0.0.1:" + node.port()).toList());
    }

    /** The masters, to stop one or to read one's keys. */
    public List<RedisServer> masters() {
        return masters;
    }

    private static String info(int port, Path log) {
        return run(List.of(cli(), "-p", Integer.toString(port), "cluster", "info"), log);
    }

    private static String run(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Path out = Files.createTempFile(log.getParent(), "redis-cli", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                Processes.stop(process.pid(), Duration.ofSeconds(5));
                throw new IllegalStateException(command + " did not end within 60 s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.writeString(log, String.join(" ", command) + "\n" + output, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Files.delete(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code TEST_REDIS_CLI}, else {@code redis-cli} beside {@code TEST_REDIS_SERVER}, else from the path. */
    private static String cli() {
        String configured = System.getenv("TEST_REDIS_CLI");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String server = System.getenv("TEST_REDIS_SERVER");
        return server != null && !server.isBlank() ? Path.of(server).resolveSibling("redis-cli").toString() : "redis-cli";
    }

    @Override
    public void close() {
        masters.forEach(RedisServer::close);
    }
}
