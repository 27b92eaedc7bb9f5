package dev.shoecatalog.model;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisUrlTest {

    private static final String MARKER = "Marker7pw";

    @Test
    void readsEveryPart() {
        RedisUrl url = RedisUrl.parse("rediss://shoes-query:p%40ss%3Aw%2Fo%23rd%20%25x+@redis.example:6380/2", "REDIS_URL");

        assertThat(url.tls()).isTrue();
        assertThat(url.user()).isEqualTo("shoes-query");
        assertThat(url.password()).isEqualTo("p@ss:w/o#rd %x+");
        assertThat(url.host()).isEqualTo("redis.example");
        assertThat(url.port()).isEqualTo(6380);
        assertThat(url.database()).isEqualTo(2);
    }

    @Test
    void defaultsAndPasswordOnly() {
        RedisUrl url = RedisUrl.parse("redis://:secret@localhost", "REDIS_URL");

        assertThat(url.tls()).isFalse();
        assertThat(url.user()).isNull();
        assertThat(url.password()).isEqualTo("secret");
        assertThat(url.port()).isEqualTo(6379);
        assertThat(url.database()).isZero();
        assertThat(RedisUrl.parse("redis://[::1]:7000", "REDIS_URL").host()).isEqualTo("::1");
    }

    @Test
    void encodesCredentialsBackAndRedactsThemInMessages() {
        RedisUrl url = RedisUrl.parse("redis://u%C3%A9:a%2Fb%40c@127.0.0.1:7001/3", "REDIS_URL");

        assertThat(RedisUrl.parse(url.toUrlWithCredentials(), "x")).isEqualTo(url);
        assertThat(url.redacted()).isEqualTo("redis://127.0.0.1:7001/3");
        assertThat(url.toString()).doesNotContain("a/b@c").doesNotContain("a%2Fb");
    }

    @Test
    void separateCredentialsWinOverTheUrls() {
        RedisUrl url = RedisUrl.parse("redis://old:old@host:6379", "REDIS_URL");

        assertThat(url.withCredentials("shoes-ingest", "p@ss word")).extracting(RedisUrl::user, RedisUrl::password)
                .containsExactly("shoes-ingest", "p@ss word");
        assertThat(url.withCredentials(null, "")).isEqualTo(url);
    }

    /** Each is malformed around the password; none of the errors may repeat it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "redis://:" + MARKER + " x@host:6379",
            "redis://:" + MARKER + "%zz@host:6379",
            "redis://:" + MARKER + "/x@host:6379",
            "redis://:" + MARKER + "#x@host:6379",
            "redis://:" + MARKER + "@host:port",
            "redis://:" + MARKER + "@:6379",
            "http://:" + MARKER + "@host:6379",
            "redis://:" + MARKER + "@host:6379/db",
            "redis://:" + MARKER + "@host:99999",
            "redis://:" + MARKER + "^@ho st",
    })
    void malformedUrlsAreRefusedWithoutEchoingThem(String url) {
        assertThatThrownBy(() -> RedisUrl.parse(url, "REDIS_URL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("REDIS_URL is not a valid redis:// or rediss:// URL: ")
                .hasMessageNotContaining(MARKER)
                .hasNoCause();
    }

    @Test
    void seedsShareTheFirstUrlsOrTheGivenCredentials() {
        List<RedisUrl> seeds = RedisUrl.parseSeeds("redis://u:p@node-0:7000, redis://other:x@node-1", "REDIS_URL", null, null);
        assertThat(seeds).extracting(RedisUrl::host).containsExactly("node-0", "node-1");
        assertThat(seeds).extracting(RedisUrl::user).containsExactly("u", "u");
        assertThat(seeds).extracting(RedisUrl::password).containsExactly("p", "p");
        assertThat(RedisUrl.parseSeeds("redis://node-0,redis://node-1", "REDIS_URL", "shoes", "s3cret"))
                .extracting(RedisUrl::password).containsExactly("s3cret", "s3cret");
        assertThatThrownBy(() -> RedisUrl.parseSeeds("redis://:hidden@node-0,nonsense", "REDIS_URL", null, null))
                .hasMessageContaining("REDIS_URL").hasMessageNotContaining("hidden");
    }
}
