package dev.shoecatalog.ingest.write;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisDataException;

import static org.assertj.core.api.Assertions.assertThat;

class RetryRulesTest {

    @Test
    void redisErrorsThatPassAreRetriedAndRefusalsAreNot() {
        for (String passing : List.of("LOADING Redis is loading the dataset in memory", "BUSY Redis is busy running a script",
                "TRYAGAIN Multiple keys request during rehashing of slot", "CLUSTERDOWN The cluster is down", "READONLY You can't write")) {
            assertThat(RedisErrors.isTransient(new JedisDataException(passing))).as(passing).isTrue();
        }
        for (String refusal : List.of("OOM command not allowed when used memory > 'maxmemory'.", "NOPERM this user has no permissions",
                "WRONGTYPE Operation against a key holding the wrong kind of value", "ERR unknown command")) {
            assertThat(RedisErrors.isTransient(new JedisDataException(refusal))).as(refusal).isFalse();
        }
    }

    @Test
    void backoffDoublesUpToItsCeilingWithJitterInTheUpperHalf() {
        Backoff backoff = new Backoff(100, 1_000);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            delays.add(backoff.nextDelayMillis());
        }
        long[] ceilings = {100, 200, 400, 800, 1_000, 1_000};
        for (int i = 0; i < ceilings.length; i++) {
            assertThat(delays.get(i)).as("wait " + i).isBetween(ceilings[i] / 2, ceilings[i]);
        }
    }
}
