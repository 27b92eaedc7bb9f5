package dev.shoecatalog.deploy;

import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * secrets.mode=existing, for GitOps: with Helm's lookup unanswered (as under {@code helm template}) every
 * render is the same, holds no Secret and refers only to the documented Secrets made beforehand.
 */
class SecretsModeTest {

    private static final String FULLNAME = Sources.RELEASE + "-shoe-catalog";

    /** The Secrets a user makes beforehand for in-cluster stores, as the chart's README lists them. */
    static final Set<String> MADE_BEFOREHAND = Set.of(FULLNAME + "-store-users", FULLNAME + "-ingest-stores", FULLNAME + "-query-stores",
            FULLNAME + "-spark-auth", FULLNAME + "-elasticsearch-tls");

    @AfterEach
    void forgetSecrets() {
        KubeApiStub.clearSecrets();
    }

    @Test
    void withExistingSecretsEveryRenderIsTheSameAndHoldsNoSecret() {
        KubeApiStub.clearSecrets();
        String first = Sources.template().set("secrets.mode", "existing").call();
        String second = Sources.template().set("secrets.mode", "existing").call();
        assertThat(second).isEqualTo(first);
        assertThat(KubernetesObjects.parse(first)).noneMatch(Secret.class::isInstance);
        assertThat(first).doesNotContain("checksum/secrets");
        assertThat(KubernetesObjects.referencedSecrets(first)).isEqualTo(MADE_BEFOREHAND);
    }

    /** Why the mode exists: generated credentials change on every render that cannot read the cluster back. */
    @Test
    void generatedSecretsDifferBetweenRendersThatCannotLookUpTheCluster() {
        KubeApiStub.clearSecrets();
        String first = Sources.chart(null).yaml();
        String second = Sources.chart(null).yaml();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aPasswordInValuesIsRefusedWithExistingSecretsNamingIt() {
        for (String key : List.of("redis.password", "elasticsearch.users.queryPassword")) {
            var template = Sources.template().set("secrets.mode", "existing").set(key, "test-only");
            assertThatThrownBy(template::call).as(key).hasMessageContaining(key + " is not read with secrets.mode=existing");
        }
    }
}
