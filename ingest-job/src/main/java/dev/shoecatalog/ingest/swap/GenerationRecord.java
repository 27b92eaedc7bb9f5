package dev.shoecatalog.ingest.swap;

import java.time.Instant;
import java.util.Locale;

/**
 * What the registry says of one generation: its state, the run that wrote it and when the state was
 * set. Stored as one hash field per generation ({@code loading run=1a2b3c4d at=2026-12-03T10:00:00Z}),
 * written only under the catalog's lease; cleanup, rollback and the commit read it instead of inferring
 * a generation's state from its number or its counts.
 */
public record GenerationRecord(long generation, State state, String run, Instant at) {

    public enum State {
        /** A run is writing it; nobody reads it. */
        LOADING,
        /** Readers were switched to it once: complete, kept while current or previous. */
        COMMITTED,
        /** Its run failed or lost its lease: never served, removed by the next run at the latest. */
        ABANDONED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String encode() {
        return state.label() + " run=" + run + " at=" + at;
    }

    /** The prefix every value of this state starts with, whatever its run. */
    public static String prefix(State state) {
        return state.label() + " ";
    }

    /** The prefix every value of this state written by {@code run} starts with (for the checks in scripts). */
    public static String prefix(State state, String run) {
        return state.label() + " run=" + run + " ";
    }

    /** Parses {@link #encode}'s text; an unreadable value is an abandoned generation, which cleanup may remove. */
    public static GenerationRecord parse(long generation, String value) {
        String[] parts = value == null ? new String[0] : value.split(" ");
        try {
            State state = State.valueOf(parts[0].toUpperCase(Locale.ROOT));
            return new GenerationRecord(generation, state, field(parts, "run="), Instant.parse(field(parts, "at=")));
        } catch (RuntimeException unreadable) {
            return new GenerationRecord(generation, State.ABANDONED, "unknown", Instant.EPOCH);
        }
    }

    private static String field(String[] parts, String name) {
        for (String part : parts) {
            if (part.startsWith(name)) {
                return part.substring(name.length());
            }
        }
        throw new IllegalArgumentException("no " + name);
    }
}
