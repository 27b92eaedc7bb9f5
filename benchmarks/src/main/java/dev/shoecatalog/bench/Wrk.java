package dev.shoecatalog.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs {@code wrk} (closed loop, 2 threads) against one URL and reads its results. */
final class Wrk {

    /** One wrk run: throughput, latency percentiles in milliseconds and failed requests. */
    record Result(double requestsPerSecond, double p50, double p99, double p999, double max, long errors, long requests) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path script;

    Wrk() throws IOException {
        script = Files.createTempFile("wrk-report-", ".lua");
        try (InputStream lua = Wrk.class.getResourceAsStream("/wrk/report.lua")) {
            Files.write(script, lua.readAllBytes());
        }
        script.toFile().deleteOnExit();
    }

    /** GET (or POST {@code body} as JSON when not null) for {@code seconds} with {@code connections} connections. */
    Result run(String url, String body, int connections, int seconds) throws IOException, InterruptedException {
        return run(url, body == null ? Map.of() : Map.of("WRK_BODY", body), connections, seconds);
    }

    /** A run with the script's options ({@code WRK_PATHS}, {@code WRK_DELAY_MS}, {@code WRK_BODY}; see report.lua). */
    Result run(String url, Map<String, String> options, int connections, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, connections)),
                "-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "5s", "-s", script.toString(), url));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(options);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no result from wrk:\n" + output));
        JsonNode r = JSON.readTree(line);
        long errors = r.get("status").asLong() + r.get("connect").asLong() + r.get("read").asLong()
                + r.get("write").asLong() + r.get("timeout").asLong();
        return new Result(r.get("requests").asLong() / (r.get("durationMicros").asLong() / 1e6),
                r.get("p50").asLong() / 1000.0, r.get("p99").asLong() / 1000.0, r.get("p999").asLong() / 1000.0,
                r.get("max").asLong() / 1000.0, errors, r.get("requests").asLong());
    }
}
