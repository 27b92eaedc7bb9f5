package dev.shoecatalog.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What matters in every rendering: the NodePort, probes, resources, non-root pods, secrets, volumes, images, RBAC. */
class DeploymentRulesTest {

    /** Secrets that the external values expect the user to have created. */
    private static final Set<String> USER_PROVIDED_SECRETS =
            Set.of("shoe-catalog-redis-ingest", "shoe-catalog-redis-query", "shoe-catalog-elasticsearch-ingest",
                    "shoe-catalog-elasticsearch-query", "shoe-catalog-elasticsearch-ca");

    static Stream<Sources.Rendered> renderings() {
        return Sources.all();
    }

    private static List<PodSpec> podSpecs(List<HasMetadata> objects) {
        List<PodSpec> pods = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment deployment) {
                pods.add(deployment.getSpec().getTemplate().getSpec());
            } else if (object instanceof StatefulSet statefulSet) {
                pods.add(statefulSet.getSpec().getTemplate().getSpec());
            }
        }
        return pods;
    }

    @Test
    void chartRefusesToRenderWithoutPasswordsForInClusterStores() {
        var template = Sources.template();
        org.assertj.core.api.Assertions.assertThatThrownBy(template::call).hasMessageContaining("redis.password is required");
    }

    @Test
    void aFieldTheKubernetesModelDoesNotKnowIsCaught() {
        String typo = """
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec:
                  type: NodePort
                  ports: [{port: 80, nodeport: 30009}]
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KubernetesObjects.parse(typo))
                .hasMessageContaining("nodeport");
    }

    @Test
    void chartPassesHelmLintStrict() {
        var result = new com.marcnuri.helm.Helm(Sources.chart()).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theApiIsANodePortOn30009(Sources.Rendered rendered) {
        List<Service> nodePorts = KubernetesObjects.parse(rendered.yaml()).stream()
                .filter(Service.class::isInstance).map(Service.class::cast)
                .filter(service -> "NodePort".equals(service.getSpec().getType())).toList();
        assertThat(nodePorts).singleElement().satisfies(service ->
                assertThat(service.getSpec().getPorts()).extracting(port -> port.getNodePort()).containsExactly(30009));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyContainerIsProbedBoundedNonRootAndPinned(Sources.Rendered rendered) {
        List<PodSpec> pods = podSpecs(KubernetesObjects.parse(rendered.yaml()));
        assertThat(pods).isNotEmpty();
        for (PodSpec pod : pods) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container container : pod.getContainers()) {
                String name = rendered.name() + " " + container.getName();
                assertThat(container.getReadinessProbe()).as(name).isNotNull();
                assertThat(container.getLivenessProbe()).as(name).isNotNull();
                assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertPinned(name, container.getImage());
                container.getVolumeMounts().forEach(mount -> assertThat(mount.getMountPath()).as(name).isNotEqualTo("/"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void redisRefusesWritesAtSeventyPercentOfItsLimitAndTheReadinessProbeWaitsForTheServicesBudget(Sources.Rendered rendered) {
        List<HasMetadata> objects = KubernetesObjects.parse(rendered.yaml());
        List<Container> containers = podSpecs(objects).stream().flatMap(pod -> pod.getContainers().stream()).toList();
        List<Container> redis = containers.stream().filter(c -> c.getName().equals("redis")).toList();
        if (!redis.isEmpty()) {
            Container server = redis.get(0);
            List<String> args = server.getArgs();
            long limit = server.getResources().getLimits().get("memory").getNumericalAmount().longValue();
            assertThat(args).as(rendered.name()).containsSubsequence("--maxmemory", Long.toString(limit * 70 / 100))
                    .containsSubsequence("--maxmemory-policy", "noeviction");
        }
        Container query = containers.stream().filter(c -> c.getName().equals("query-service")).findFirst().orElseThrow();
        // The service answers readiness within its 400 ms budget; Kubernetes' default of 1 s is too tight on a busy node.
        assertThat(query.getReadinessProbe().getTimeoutSeconds()).as(rendered.name()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theJobRunsNonRootWithTheDatasetReadOnly(Sources.Rendered rendered) {
        GenericKubernetesResource app = sparkApplication(rendered);
        Map<String, Object> spec = map(app.getAdditionalProperties().get("spec"));
        assertPinned(rendered.name(), (String) spec.get("image"));
        boolean claim = list(spec.get("volumes")).stream().anyMatch(volume -> "dataset".equals(volume.get("name")));
        for (String role : List.of("driver", "executor")) {
            Map<String, Object> pod = map(spec.get(role));
            assertThat(map(pod.get("securityContext"))).as(role).containsEntry("runAsNonRoot", true);
            List<Map<String, Object>> mounts = list(pod.get("volumeMounts"));
            assertThat(mounts).as(role).allSatisfy(mount -> assertThat((String) mount.get("mountPath")).isNotEqualTo("/"));
            if (claim) {
                assertThat(mounts).as(role).anySatisfy(mount -> {
                    assertThat(mount).containsEntry("name", "dataset").containsEntry("readOnly", true);
                    assertThat((String) mount.get("mountPath")).startsWith("/data");
                });
            }
        }
        if (claim) {
            assertThat(list(spec.get("volumes"))).anySatisfy(volume ->
                    assertThat(map(volume.get("persistentVolumeClaim"))).containsEntry("readOnly", true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyReferencedSecretExists(Sources.Rendered rendered) {
        List<HasMetadata> objects = KubernetesObjects.parse(rendered.yaml());
        Set<String> defined = new HashSet<>(USER_PROVIDED_SECRETS);
        objects.stream().filter(Secret.class::isInstance).forEach(secret -> defined.add(secret.getMetadata().getName()));
        Set<String> referenced = KubernetesObjects.referencedSecrets(rendered.yaml());
        assertThat(referenced).isNotEmpty();
        assertThat(defined).containsAll(referenced);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void sparkRightsStayInTheNamespace(Sources.Rendered rendered) {
        List<HasMetadata> objects = KubernetesObjects.parse(rendered.yaml());
        assertThat(objects).noneMatch(object -> object.getKind().startsWith("Cluster"));
        List<Role> roles = objects.stream().filter(Role.class::isInstance).map(Role.class::cast).toList();
        assertThat(roles).singleElement().satisfies(role -> role.getRules().forEach(rule -> {
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*", "secrets");
        }));
    }

    static GenericKubernetesResource sparkApplication(Sources.Rendered rendered) {
        return KubernetesObjects.parse(rendered.yaml()).stream()
                .filter(object -> object.getKind().equals("SparkApplication"))
                .map(GenericKubernetesResource.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no SparkApplication in " + rendered.name()));
    }

    private static void assertPinned(String what, String image) {
        assertThat(image).as(what).contains(":").doesNotEndWith(":latest");
        assertThat(image.substring(image.lastIndexOf(':') + 1)).as(what).matches("[0-9][\\w.-]*");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
