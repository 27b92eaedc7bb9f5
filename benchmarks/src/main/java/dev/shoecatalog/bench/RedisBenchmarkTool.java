package dev.shoecatalog.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code redis-benchmark} with one command, as the direct-store baseline: requests/s and
 * latency percentiles (it reports p50 and p99, not p99.9).
 */
final class RedisBenchmarkTool {

    record Result(double requestsPerSecond, double p50, double p99, double max) {
    }

    private RedisBenchmarkTool() {
    }

    static Result run(int port, int connections, int requests, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-c", Integer.toString(connections), "-n", Integer.toString(requests), "--csv"));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("redis-benchmark failed:\n" + output);
        }
        // ...,"rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms":
        // read from the end, since the first cell (the command) may span lines.
        String line = output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no result from redis-benchmark:\n" + output));
        String[] cells = line.split(",");
        int n = cells.length;
        if (n < 7) {
            throw new IllegalStateException("unexpected redis-benchmark output:\n" + output);
        }
        return new Result(number(cells[n - 7]), number(cells[n - 4]), number(cells[n - 2]), number(cells[n - 1]));
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace("\"", ""));
    }
}
