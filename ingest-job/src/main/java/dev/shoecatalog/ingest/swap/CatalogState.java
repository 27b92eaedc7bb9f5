package dev.shoecatalog.ingest.swap;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * Which generations the two stores hold and serve, read at one moment, and what follows from it:
 * what a run must keep, the lowest number the next generation may take, and what a rollback returns to.
 *
 * @param redisCurrent   {@code shoes:current}
 * @param elasticServed  the generations whose index the {@code shoes} alias points at (one, or none)
 * @param inRedis        generations with anything in Redis (complete or not)
 * @param inElastic      generations with an index in Elasticsearch (complete or not)
 * @param records        the registry's record of each generation it knows
 */
public record CatalogState(OptionalLong redisCurrent, Set<Long> elasticServed, Set<Long> inRedis, Set<Long> inElastic,
                           Map<Long, GenerationRecord> records) {

    public CatalogState {
        elasticServed = Set.copyOf(elasticServed);
        inRedis = Set.copyOf(inRedis);
        inElastic = Set.copyOf(inElastic);
        records = Map.copyOf(records);
    }

    /** The generation behind the {@code shoes} alias (the newest, should it point at several). */
    public OptionalLong elasticCurrent() {
        return elasticServed.stream().mapToLong(Long::longValue).max();
    }

    /** Whether the stores serve different generations (a switch failed half-way and could not be undone). */
    public boolean split() {
        return !redisCurrent.equals(elasticCurrent());
    }

    /**
     * The highest number either store holds: the generation sequence never hands out a number at or
     * below it (a catalog loaded before the sequence existed, or a sequence key lost with its Redis).
     */
    public long highestNumber() {
        return LongStream.concat(LongStream.concat(redisCurrent.stream(), elasticCurrent().stream()),
                LongStream.concat(inRedis.stream().mapToLong(Long::longValue), inElastic.stream().mapToLong(Long::longValue)))
                .max().orElse(0);
    }

    /** Whether the registry records generation g as committed (readers were switched to it once). */
    public boolean committed(long g) {
        GenerationRecord record = records.get(g);
        return record != null && record.state() == GenerationRecord.State.COMMITTED;
    }

    /** The kept previous generation: the newest committed one below what readers use that both stores hold. */
    public OptionalLong previous() {
        OptionalLong lowestServed = LongStream.concat(redisCurrent.stream(), elasticCurrent().stream()).min();
        if (lowestServed.isEmpty()) {
            return OptionalLong.empty();
        }
        return inRedis.stream().filter(inElastic::contains).filter(this::committed).mapToLong(Long::longValue)
                .filter(g -> g < lowestServed.getAsLong()).max();
    }

    /** What readers use in either store, and the rollback generation: a run never removes these. */
    public Set<Long> kept() {
        Set<Long> kept = new TreeSet<>();
        redisCurrent.ifPresent(kept::add);
        kept.addAll(elasticServed);
        previous().ifPresent(kept::add);
        return kept;
    }

    /** Everything else either store holds: leftovers of crashed runs, failed cleanups and rollbacks. */
    public Set<Long> leftovers() {
        Set<Long> leftovers = new TreeSet<>(inRedis);
        leftovers.addAll(inElastic);
        leftovers.removeAll(kept());
        return leftovers;
    }

    /**
     * Where {@code --rollback} takes readers: after a half-done switch, back to the older of the two
     * (what both served before it); otherwise to the {@link #previous} generation.
     */
    public Optional<Long> rollbackTarget() {
        if (split() && redisCurrent.isPresent() && elasticCurrent().isPresent()) {
            return Optional.of(Math.min(redisCurrent.getAsLong(), elasticCurrent().getAsLong()));
        }
        OptionalLong previous = previous();
        return previous.isPresent() ? Optional.of(previous.getAsLong()) : Optional.empty();
    }

    /** For messages: {@code "Redis serves 4, Elasticsearch serves 5"}. */
    public String served() {
        return "Redis serves " + text(redisCurrent) + ", Elasticsearch serves " + text(elasticCurrent());
    }

    static String text(OptionalLong generation) {
        return generation.isPresent() ? "generation " + generation.getAsLong() : "no generation";
    }
}
