package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged query service as its own process: a {@code quarkus-run.jar} (JVM mode) or the native
 * executable, configured only by environment variables as a deployment configures it, its whole
 * output in a log file. The API and the management interface (health, metrics) each get a free port.
 * Stopped by its process id.
 */
public final class QueryServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final int port;
    private final int managementPort;
    private final double secondsToStart;

    private QueryServiceProcess(Process process, int port, int managementPort, double secondsToStart) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.secondsToStart = secondsToStart;
    }

    /** Starts the service on the two stores and waits until it is ready (it can serve). */
    public static QueryServiceProcess startReady(Path jar, String redisUrl, String elasticsearchUrl, Path log) {
        return start(jar, Map.of("REDIS_URL", redisUrl, "ELASTICSEARCH_HOSTS", elasticsearchUrl), log, "/q/health/ready");
    }

    /** Starts the service with these variables and waits until it is alive, whether or not it can reach a store. */
    public static QueryServiceProcess startAlive(Path jar, Map<String, String> environment, Path log) {
        return start(jar, environment, log, "/q/health/live");
    }

    private static QueryServiceProcess start(Path jar, Map<String, String> environment, Path log, String awaitPath) {
        int port = FreePort.find();
        int managementPort = FreePort.find();
        long start = System.nanoTime();
        Process process = launch(jar, environment, log, port, managementPort);
        HttpClient client = HttpClient.newHttpClient();
        long deadline = start + START_TIMEOUT.toNanos();
        while (true) {
            // Builds older than the management interface answer health on the API port: benchmarks compare with them.
            for (int probed : new int[] {managementPort, port}) {
                HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probed + awaitPath)).build();
                try {
                    if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return new QueryServiceProcess(process, port, probed, (System.nanoTime() - start) / 1e9);
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                Processes.stop(process.pid(), Duration.ofSeconds(10));
                throw new IllegalStateException("the service did not answer " + awaitPath + "; see " + log);
            }
            Processes.sleep(20);
        }
    }

    /** Starts the service with these variables and waits for it to exit, as it must on a configuration it refuses. */
    public static int runToExit(Path jar, Map<String, String> environment, Path log) {
        Process process = launch(jar, environment, log, FreePort.find(), FreePort.find());
        try {
            if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                Processes.stop(process.pid(), Duration.ofSeconds(10));
                throw new IllegalStateException("the service kept running; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process launch(Path jar, Map<String, String> environment, Path log, int port, int managementPort) {
        ProcessBuilder builder = new ProcessBuilder(command(jar)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    /** {@code java -jar} for a jar; anything else is the native executable, run as it is. */
    private static List<String> command(Path application) {
        if (application.getFileName().toString().endsWith(".jar")) {
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", application.toString());
        }
        return List.of(application.toAbsolutePath().toString());
    }

    /** The API, e.g. {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health and metrics. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The service's process (the JVM or the native executable), for reading its CPU time. */
    public long pid() {
        return process.pid();
    }

    public double secondsToStart() {
        return secondsToStart;
    }

    /** Resident memory now (VmRSS), MB. */
    public long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Processes.stop(process.pid(), Duration.ofSeconds(30));
    }
}
