package dev.shoecatalog.ingest.swap;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogStateTest {

    private static CatalogState state(Long redisCurrent, Long elasticCurrent, Set<Long> inRedis, Set<Long> inElastic) {
        return new CatalogState(redisCurrent == null ? OptionalLong.empty() : OptionalLong.of(redisCurrent),
                elasticCurrent == null ? OptionalLong.empty() : OptionalLong.of(elasticCurrent), inRedis, inElastic);
    }

    @Test
    void anEmptyCatalogStartsAtOneAndHasNothingToKeepOrRollBackTo() {
        CatalogState empty = state(null, null, Set.of(), Set.of());
        assertThat(empty.next()).isEqualTo(1);
        assertThat(empty.kept()).isEmpty();
        assertThat(empty.rollbackTarget()).isEmpty();
        assertThat(empty.split()).isFalse();
    }

    @Test
    void keepsTheCurrentAndPreviousGenerationsAndNumbersAboveEveryLeftover() {
        // 5 is served, 4 kept for rollback, 2 a failed cleanup's leftover, 7 a crashed run's (in Redis only).
        CatalogState state = state(5L, 5L, Set.of(2L, 4L, 5L, 7L), Set.of(2L, 4L, 5L));
        assertThat(state.kept()).containsExactly(4L, 5L);
        assertThat(state.leftovers()).containsExactly(2L, 7L);
        assertThat(state.next()).isEqualTo(8);
        assertThat(state.rollbackTarget()).hasValue(4L);
    }

    @Test
    void aGenerationRolledBackFromIsALeftoverForTheNextLoad() {
        CatalogState afterRollback = state(4L, 4L, Set.of(4L, 5L), Set.of(4L, 5L));
        assertThat(afterRollback.previous()).isEmpty();
        assertThat(afterRollback.rollbackTarget()).isEmpty();
        assertThat(afterRollback.leftovers()).containsExactly(5L);
        assertThat(afterRollback.next()).isEqualTo(6);
    }

    @Test
    void theRollbackGenerationMustBeInBothStores() {
        assertThat(state(5L, 5L, Set.of(3L, 4L, 5L), Set.of(3L, 5L)).previous()).hasValue(3L);
    }

    @Test
    void aSplitCatalogKeepsBothServedGenerationsAndRollsBackToTheOlder() {
        CatalogState split = state(4L, 5L, Set.of(3L, 4L, 5L), Set.of(3L, 4L, 5L));
        assertThat(split.split()).isTrue();
        assertThat(split.kept()).containsExactly(3L, 4L, 5L);
        assertThat(split.rollbackTarget()).isEqualTo(Optional.of(4L));
        assertThat(split.served()).isEqualTo("Redis serves generation 4, Elasticsearch serves generation 5");
    }
}
