package dev.shoecatalog.ingest.swap;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.shoecatalog.ingest.swap.GenerationRecord.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogStateTest {

    /** A state whose registry records every generation of {@code committed} as committed and the others as abandoned. */
    private static CatalogState state(Long redisCurrent, Long elasticCurrent, Set<Long> inRedis, Set<Long> inElastic,
                                      Set<Long> committed) {
        Map<Long, GenerationRecord> records = inRedis.stream().collect(Collectors.toMap(Function.identity(),
                g -> new GenerationRecord(g, committed.contains(g) ? State.COMMITTED : State.ABANDONED, "r" + g, Instant.EPOCH)));
        return new CatalogState(redisCurrent == null ? OptionalLong.empty() : OptionalLong.of(redisCurrent),
                elasticCurrent == null ? Set.of() : Set.of(elasticCurrent), inRedis, inElastic, records);
    }

    @Test
    void anEmptyCatalogHasNothingToKeepOrRollBackTo() {
        CatalogState empty = state(null, null, Set.of(), Set.of(), Set.of());
        assertThat(empty.highestNumber()).isZero();
        assertThat(empty.kept()).isEmpty();
        assertThat(empty.rollbackTarget()).isEmpty();
        assertThat(empty.split()).isFalse();
    }

    @Test
    void keepsTheCurrentAndPreviousGenerationsAndKnowsTheHighestNumber() {
        // 5 is served, 4 kept for rollback, 2 a failed cleanup's leftover, 7 a crashed run's (in Redis only).
        CatalogState state = state(5L, 5L, Set.of(2L, 4L, 5L, 7L), Set.of(2L, 4L, 5L), Set.of(2L, 4L, 5L));
        assertThat(state.kept()).containsExactly(4L, 5L);
        assertThat(state.leftovers()).containsExactly(2L, 7L);
        assertThat(state.highestNumber()).isEqualTo(7);
        assertThat(state.rollbackTarget()).hasValue(4L);
    }

    @Test
    void onlyACommittedGenerationIsKeptForRollbackWhateverItsNumber() {
        // 4 is complete-looking in both stores but its run was abandoned: never a rollback target.
        CatalogState state = state(5L, 5L, Set.of(3L, 4L, 5L), Set.of(3L, 4L, 5L), Set.of(3L, 5L));
        assertThat(state.previous()).hasValue(3L);
        assertThat(state.leftovers()).containsExactly(4L);
    }

    @Test
    void aGenerationRolledBackFromIsALeftoverForTheNextLoad() {
        CatalogState afterRollback = state(4L, 4L, Set.of(4L, 5L), Set.of(4L, 5L), Set.of(4L, 5L));
        assertThat(afterRollback.previous()).isEmpty();
        assertThat(afterRollback.rollbackTarget()).isEmpty();
        assertThat(afterRollback.leftovers()).containsExactly(5L);
        assertThat(afterRollback.highestNumber()).isEqualTo(5);
    }

    @Test
    void theRollbackGenerationMustBeInBothStores() {
        assertThat(state(5L, 5L, Set.of(3L, 4L, 5L), Set.of(3L, 5L), Set.of(3L, 4L, 5L)).previous()).hasValue(3L);
    }

    @Test
    void aSplitCatalogKeepsBothServedGenerationsAndRollsBackToTheOlder() {
        CatalogState split = state(4L, 5L, Set.of(3L, 4L, 5L), Set.of(3L, 4L, 5L), Set.of(3L, 4L, 5L));
        assertThat(split.split()).isTrue();
        assertThat(split.kept()).containsExactly(3L, 4L, 5L);
        assertThat(split.rollbackTarget()).isEqualTo(Optional.of(4L));
        assertThat(split.served()).isEqualTo("Redis serves generation 4, Elasticsearch serves generation 5");
    }

    @Test
    void recordsReadBackAsWrittenAndAnUnreadableOneIsAbandoned() {
        GenerationRecord loading = new GenerationRecord(7, State.LOADING, "1a2b3c4d", Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(loading.encode()).isEqualTo("loading run=1a2b3c4d at=2026-12-03T10:00:00Z");
        assertThat(GenerationRecord.parse(7, loading.encode())).isEqualTo(loading);
        assertThat(loading.encode()).startsWith(GenerationRecord.prefix(State.LOADING, "1a2b3c4d"));
        assertThat(GenerationRecord.parse(8, "garbage").state()).isEqualTo(State.ABANDONED);
        assertThat(GenerationRecord.parse(8, null).state()).isEqualTo(State.ABANDONED);
    }
}
