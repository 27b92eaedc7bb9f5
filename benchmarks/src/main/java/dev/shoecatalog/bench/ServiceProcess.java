package dev.shoecatalog.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.shoecatalog.testsupport.FreePort;

/** The query service (JVM mode) as its own process: time from launch to ready, and its resident memory. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final double secondsToReady;

    private ServiceProcess(Process process, int port, double secondsToReady) {
        this.process = process;
        this.port = port;
        this.secondsToReady = secondsToReady;
    }

    static ServiceProcess start(Path jar, String redisUrl, String elasticsearchUrl, Path log) throws Exception {
        int port = FreePort.find();
        ProcessBuilder builder = new ProcessBuilder(List.of("java", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("REDIS_URL", redisUrl);
        builder.environment().put("ELASTICSEARCH_HOSTS", elasticsearchUrl);
        long start = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = start + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the service did not become ready; see " + log);
            }
            Thread.sleep(20);
        }
        return new ServiceProcess(process, port, (System.nanoTime() - start) / 1e9);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    double secondsToReady() {
        return secondsToReady;
    }

    /** Resident memory now (VmRSS), MB. */
    long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
