package dev.shoecatalog.query.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that keep requesting a few paths while a test breaks a store, recording per path how many
 * answers of each status came back and the slowest one. A failure to get any answer counts as status 0.
 */
final class BackgroundLoad implements AutoCloseable {

    /** What the clients saw on one path. */
    record Seen(Map<Integer, Long> statuses, long slowestMillis) {
        long count(int status) {
            return statuses.getOrDefault(status, 0L);
        }

        long total() {
            return statuses.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> slowest = new ConcurrentHashMap<>();

    private BackgroundLoad(URI base, List<String> paths, int clientsPerPath) {
        threads = Executors.newFixedThreadPool(paths.size() * clientsPerPath);
        for (String path : paths) {
            statuses.put(path, new ConcurrentHashMap<>());
            slowest.put(path, new AtomicLong());
            for (int i = 0; i < clientsPerPath; i++) {
                threads.execute(() -> keepRequesting(base.resolve(path), path));
            }
        }
    }

    static BackgroundLoad start(URI base, List<String> paths, int clientsPerPath) {
        return new BackgroundLoad(base, paths, clientsPerPath);
    }

    private void keepRequesting(URI uri, String path) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        while (running.get()) {
            long start = System.nanoTime();
            int status;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = 0;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            statuses.get(path).computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            slowest.get(path).accumulateAndGet(millis, Math::max);
        }
    }

    /** What was seen on a path so far, then starts counting it afresh. */
    Seen takeSeen(String path) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.get(path).forEach((status, count) -> {
            long seen = count.getAndSet(0);
            if (seen > 0) {
                counts.put(status, seen);
            }
        });
        return new Seen(counts, slowest.get(path).getAndSet(0));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
    }
}
