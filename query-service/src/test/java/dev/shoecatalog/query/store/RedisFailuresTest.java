package dev.shoecatalog.query.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisFailuresTest {

    @Test
    void aServerWithoutTheSearchModuleCannotSearch() {
        assertThat(RedisFailures.translate(new IllegalStateException("ERR unknown command 'FT.SEARCH', with args beginning with: 'shoes-3'")))
                .isInstanceOf(SearchUnsupportedException.class).hasMessageContaining("no search module");
        assertThat(RedisFailures.translate(new IllegalStateException("Unknown Index name")))
                .isInstanceOf(SearchUnsupportedException.class);
    }

    @Test
    void anythingElseMeansRedisCannotAnswerNow() {
        RuntimeException translated = RedisFailures.translate(new IllegalStateException("closed", new java.net.ConnectException("refused")));
        assertThat(translated).isInstanceOf(StoreUnavailableException.class).hasMessage("Redis did not answer (ConnectException)");
    }
}
