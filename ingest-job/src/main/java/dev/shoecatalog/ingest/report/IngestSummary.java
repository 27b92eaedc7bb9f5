package dev.shoecatalog.ingest.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run did: printed at the end and stored in {@code shoes:<g>:meta}.
 *
 * @param rowsPerFile       rows read per source file (good and rejected)
 * @param unrecognizedFiles files without any column the job uses, not read
 * @param rejectsPerReason  rejected rows per {@link dev.shoecatalog.ingest.normalize.RejectReason} label
 * @param searchIndex       the Redis search index: {@code v1}, {@code v2} or {@code none}, and why
 * @param cleanupProblems   older generations that could not be removed after the switch (the next run does)
 * @param productsBefore    products of the catalog readers used before the run (0: none)
 * @param maxShrink         the share of those the new catalog could have lost ({@code --max-shrink})
 * @param redisMemory       what the admission check found of Redis's memory (a warning without {@code maxmemory})
 * @param redisBytesPerProduct what the generation added to Redis's used memory per product (0: unknown)
 */
public record IngestSummary(long generation, String jobVersion, Instant started, Instant finished,
                            Map<String, Long> rowsPerFile, List<String> unrecognizedFiles,
                            Map<String, Long> rejectsPerReason, String rejectsLocation, long products,
                            long redisWritten, long elasticsearchWritten, Map<String, Duration> stages,
                            String searchIndex, String searchIndexNote, List<String> cleanupProblems,
                            long productsBefore, double maxShrink, String redisMemory, long redisBytesPerProduct) {

    public long rowsRead() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejected() {
        return rejectsPerReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : rowsRead() / seconds;
    }

    /** Flat form for the Redis meta hash. */
    public Map<String, String> toMeta() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("generation", Long.toString(generation));
        meta.put("jobVersion", jobVersion);
        meta.put("started", started.toString());
        meta.put("finished", finished.toString());
        meta.put("rowsRead", Long.toString(rowsRead()));
        meta.put("rejected", Long.toString(rejected()));
        meta.put("products", Long.toString(products));
        meta.put("productsBefore", Long.toString(productsBefore));
        meta.put("maxShrink", Double.toString(maxShrink));
        meta.put("redisMemory", redisMemory);
        if (redisBytesPerProduct > 0) {
            meta.put(dev.shoecatalog.ingest.swap.RedisRoom.MEASURED, Long.toString(redisBytesPerProduct));
        }
        meta.put("redisWritten", Long.toString(redisWritten));
        meta.put("elasticsearchWritten", Long.toString(elasticsearchWritten));
        meta.put("sourceFiles", String.join(",", rowsPerFile.keySet()));
        meta.put("unrecognizedFiles", String.join(",", unrecognizedFiles));
        meta.put(dev.shoecatalog.model.CatalogKeys.META_SEARCH_INDEX, searchIndex);
        meta.put("searchIndexNote", searchIndexNote);
        rowsPerFile.forEach((file, rows) -> meta.put("rows:" + file, Long.toString(rows)));
        rejectsPerReason.forEach((reason, count) -> meta.put("rejects:" + reason, Long.toString(count)));
        stages.forEach((stage, time) -> meta.put("stageMillis:" + stage, Long.toString(time.toMillis())));
        return meta;
    }

    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Generation %d loaded (job %s) in %.1f s, %.0f rows/s%n", generation,
                jobVersion, Duration.between(started, finished).toMillis() / 1000.0, rowsPerSecond()));
        rowsPerFile.forEach((file, rows) -> text.append(String.format(Locale.ROOT, "  read %,d rows from %s%n", rows, file)));
        unrecognizedFiles.forEach(file -> text.append("  skipped ").append(file).append(": no recognizable column\n"));
        text.append(String.format(Locale.ROOT, "  rejected %,d rows%s -> %s%n", rejected(), rejectsPerReason.isEmpty() ? ""
                : rejectsPerReason.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ", " (", ")")), rejectsLocation));
        text.append(String.format(Locale.ROOT, "  products: %,d; written to Redis %,d, to Elasticsearch %,d%n",
                products, redisWritten, elasticsearchWritten));
        if (productsBefore > 0) {
            text.append(String.format(Locale.ROOT, "  readers had %,d products before (%+.1f%%; --max-shrink %.2f refuses fewer than %,d)%n",
                    productsBefore, 100.0 * (products - productsBefore) / productsBefore, maxShrink,
                    (long) Math.ceil(productsBefore * (1 - maxShrink))));
        }
        text.append("  Redis memory: ").append(redisMemory);
        if (redisBytesPerProduct > 0) {
            text.append(String.format(Locale.ROOT, "; this generation added %,d bytes per product", redisBytesPerProduct));
        }
        text.append('\n');
        text.append("  Redis search index: ").append(searchIndex).append(" (").append(searchIndexNote).append(")\n");
        cleanupProblems.forEach(problem -> text.append("  cleanup: ").append(problem).append("; the next run removes it\n"));
        stages.forEach((stage, time) -> text.append(String.format(Locale.ROOT, "  stage %-20s %8.2f s%n", stage, time.toMillis() / 1000.0)));
        return text.toString();
    }
}
