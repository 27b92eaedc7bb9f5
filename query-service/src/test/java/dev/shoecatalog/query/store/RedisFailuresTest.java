package dev.shoecatalog.query.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisFailuresTest {

    @Test
    void aServerWithoutTheSearchModuleCannotSearch() {
        assertThat(RedisFailures.translate(new IllegalStateException("ERR unknown command 'FT.SEARCH', with args beginning with: 'shoes-3'")))
                .isInstanceOf(SearchUnsupportedException.class).hasMessageContaining("no search module");
        assertThat(RedisFailures.isUnknownIndex(new IllegalStateException("Unknown Index name"))).isTrue();
    }

    @Test
    void aSearchOverTheServersTimeLimitIsUnavailableNotAPartialAnswer() {
        // RediSearch's reply under ON_TIMEOUT FAIL (1.x: "Command timed out"; 2.x: "Timeout limit was reached").
        for (String reply : new String[] {"Command timed out", "Timeout limit was reached"}) {
            RuntimeException translated = RedisFailures.translate(new IllegalStateException(reply, io.vertx.redis.client.impl.types.ErrorType.create(reply)));
            assertThat(translated).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("took longer than the server allows");
            assertThat(((StoreUnavailableException) translated).retryAfterSeconds()).isEqualTo(1);
        }
    }

    @Test
    void anythingElseMeansRedisCannotAnswerNow() {
        RuntimeException translated = RedisFailures.translate(new IllegalStateException("closed", new java.net.ConnectException("refused")));
        assertThat(translated).isInstanceOf(StoreUnavailableException.class).hasMessage("Redis did not answer (ConnectException)");
    }
}
