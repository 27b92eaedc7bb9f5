package dev.shoecatalog.ingest.report;

import java.util.concurrent.CompletionException;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureMessageTest {

    @Test
    void theJobsOwnMessageUnderSparksWrappersIsTheLineCutAtItsFirstBreak() {
        IllegalStateException ours = new IllegalStateException("Redis write of generation 4 failed after 6 attempts: reset");
        SparkException spark = new SparkException("Job aborted due to stage failure: Task 0 failed\n\tat a.b.C(C.java:1)", ours);
        assertThat(FailureMessage.of(new IllegalStateException(new CompletionException(spark))))
                .isEqualTo("Redis write of generation 4 failed after 6 attempts: reset");
    }

    @Test
    void aClientsOwnExceptionIsNamedByItsType() {
        assertThat(FailureMessage.of(new java.io.UncheckedIOException("gone", new java.io.IOException("gone"))))
                .isEqualTo("UncheckedIOException: gone");
        assertThat(FailureMessage.of(new redis.clients.jedis.exceptions.JedisConnectionException("Failed to connect")))
                .isEqualTo("JedisConnectionException: Failed to connect");
    }

    @Test
    void aWrapperWithNothingUnderItStillSaysWhatItIs() {
        assertThat(FailureMessage.of(new SparkException("Job 3 cancelled\nmore"))).isEqualTo("SparkException: Job 3 cancelled");
        assertThat(FailureMessage.of(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
