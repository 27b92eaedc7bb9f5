package dev.shoecatalog.ingest.swap;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * Which generations the two stores hold and serve, read at one moment, and what follows from it:
 * what a run must keep, the next free generation number, and what a rollback returns to.
 *
 * @param redisCurrent   {@code shoes:current}
 * @param elasticCurrent the generation behind the {@code shoes} alias
 * @param inRedis        generations with anything in Redis (complete or not)
 * @param inElastic      generations with an index in Elasticsearch (complete or not)
 */
public record CatalogState(OptionalLong redisCurrent, OptionalLong elasticCurrent, Set<Long> inRedis, Set<Long> inElastic) {

    public CatalogState {
        inRedis = Set.copyOf(inRedis);
        inElastic = Set.copyOf(inElastic);
    }

    /** Whether the stores serve different generations (a switch failed half-way and could not be undone). */
    public boolean split() {
        return !redisCurrent.equals(elasticCurrent);
    }

    /** The next generation number: above everything either store holds, so it never meets a leftover. */
    public long next() {
        return LongStream.concat(LongStream.concat(redisCurrent.stream(), elasticCurrent.stream()),
                LongStream.concat(inRedis.stream().mapToLong(Long::longValue), inElastic.stream().mapToLong(Long::longValue)))
                .max().orElse(0) + 1;
    }

    /**
     * The generation kept for rollback: the newest one below what readers use that both stores hold.
     * Only committed generations can be there, since every number a run takes is above all others.
     */
    public OptionalLong previous() {
        OptionalLong lowestServed = LongStream.concat(redisCurrent.stream(), elasticCurrent.stream()).min();
        if (lowestServed.isEmpty()) {
            return OptionalLong.empty();
        }
        return inRedis.stream().filter(inElastic::contains).mapToLong(Long::longValue)
                .filter(g -> g < lowestServed.getAsLong()).max();
    }

    /** What readers use in either store, and the rollback generation: a run never removes these. */
    public Set<Long> kept() {
        Set<Long> kept = new TreeSet<>();
        redisCurrent.ifPresent(kept::add);
        elasticCurrent.ifPresent(kept::add);
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
        if (split() && redisCurrent.isPresent() && elasticCurrent.isPresent()) {
            return Optional.of(Math.min(redisCurrent.getAsLong(), elasticCurrent.getAsLong()));
        }
        OptionalLong previous = previous();
        return previous.isPresent() ? Optional.of(previous.getAsLong()) : Optional.empty();
    }

    /** For messages: {@code "Redis serves 4, Elasticsearch serves 5"}. */
    public String served() {
        return "Redis serves " + text(redisCurrent) + ", Elasticsearch serves " + text(elasticCurrent);
    }

    static String text(OptionalLong generation) {
        return generation.isPresent() ? "generation " + generation.getAsLong() : "no generation";
    }
}
