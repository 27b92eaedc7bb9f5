package dev.shoecatalog.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.shoecatalog.deploy.DeploymentRulesTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Least privilege in every rendering: the Pod Security "restricted" profile for every pod (Spark's
 * included), API tokens only where the API server is used, NetworkPolicies that select the right pods,
 * each program given only its own credentials, no placeholder password, management off the public
 * Service.
 */
class SecurityRulesTest {

    static Stream<Sources.Rendered> renderings() {
        return Sources.all();
    }

    /** A pod to check, whether from a workload or from the SparkApplication's driver or executor. */
    private record Pod(String name, Map<String, String> labels, PodSpec spec, String program) {
    }

    private static List<Pod> pods(List<HasMetadata> objects) {
        List<Pod> pods = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment d) {
                pods.add(new Pod(d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getLabels(),
                        d.getSpec().getTemplate().getSpec(), program(d.getMetadata().getName())));
            } else if (object instanceof StatefulSet s) {
                pods.add(new Pod(s.getMetadata().getName(), s.getSpec().getTemplate().getMetadata().getLabels(),
                        s.getSpec().getTemplate().getSpec(), program(s.getMetadata().getName())));
            } else if (object instanceof GenericKubernetesResource app && app.getKind().equals("SparkApplication")) {
                Map<String, Object> spec = map(app.getAdditionalProperties().get("spec"));
                for (String role : List.of("driver", "executor")) {
                    pods.add(sparkPod(app.getMetadata().getName() + " " + role, map(spec.get(role))));
                }
            }
        }
        return pods;
    }

    private static String program(String workload) {
        return workload.endsWith("-query") ? "query" : null;
    }

    /** The parts of a SparkApplication's driver or executor that make its pod, in the Kubernetes model. */
    @SuppressWarnings("unchecked")
    private static Pod sparkPod(String name, Map<String, Object> role) {
        PodSpec spec = new PodSpec();
        spec.setSecurityContext(Serialization.unmarshal(Serialization.asJson(role.get("podSecurityContext")), PodSecurityContext.class));
        Container container = new Container();
        container.setName("spark");
        container.setSecurityContext(Serialization.unmarshal(Serialization.asJson(role.get("securityContext")), SecurityContext.class));
        container.setEnvFrom(List.of(Serialization.unmarshal(Serialization.asJson(role.get("envFrom")),
                io.fabric8.kubernetes.api.model.EnvFromSource[].class)));
        spec.setContainers(List.of(container));
        Object automount = map(map(role.get("template")).get("spec")).get("automountServiceAccountToken");
        spec.setAutomountServiceAccountToken((Boolean) automount);
        spec.setServiceAccountName((String) role.get("serviceAccount"));
        return new Pod(name, (Map<String, String>) role.get("labels"), spec, "ingest");
    }

    private static List<Container> allContainers(PodSpec spec) {
        List<Container> containers = new ArrayList<>(spec.getContainers());
        containers.addAll(spec.getInitContainers());
        return containers;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyPodMeetsThePodSecurityRestrictedProfile(Sources.Rendered rendered) {
        List<Pod> pods = pods(KubernetesObjects.parse(rendered.yaml()));
        assertThat(pods).extracting(Pod::name).anyMatch(name -> name.endsWith(" driver")).anyMatch(name -> name.endsWith(" executor"));
        for (Pod pod : pods) {
            PodSecurityContext podContext = pod.spec().getSecurityContext() == null ? new PodSecurityContext() : pod.spec().getSecurityContext();
            assertThat(pod.spec().getHostNetwork()).as(pod.name()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.spec().getHostPID()).as(pod.name()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.spec().getHostIPC()).as(pod.name()).isNotEqualTo(Boolean.TRUE);
            for (Volume volume : pod.spec().getVolumes()) {
                assertThat(volume.getHostPath()).as(pod.name() + " volume " + volume.getName()).isNull();
            }
            for (Container container : allContainers(pod.spec())) {
                String name = rendered.name() + " " + pod.name() + " " + container.getName();
                SecurityContext context = container.getSecurityContext();
                assertThat(context).as(name).isNotNull();
                assertThat(context.getPrivileged()).as(name).isNotEqualTo(Boolean.TRUE);
                assertThat(context.getAllowPrivilegeEscalation()).as(name + " allowPrivilegeEscalation").isFalse();
                Capabilities capabilities = context.getCapabilities();
                assertThat(capabilities.getDrop()).as(name).contains("ALL");
                assertThat(capabilities.getAdd()).as(name).isSubsetOf("NET_BIND_SERVICE");
                assertThat(context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : podContext.getRunAsNonRoot())
                        .as(name + " runAsNonRoot").isTrue();
                assertThat(context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser())
                        .as(name + " runAsUser").isNotEqualTo(0L);
                SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile() : podContext.getSeccompProfile();
                assertThat(seccomp).as(name + " seccompProfile").isNotNull();
                assertThat(seccomp.getType()).as(name).isIn("RuntimeDefault", "Localhost");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void onlyTheSparkDriverGetsAnApiToken(Sources.Rendered rendered) {
        List<HasMetadata> objects = KubernetesObjects.parse(rendered.yaml());
        Map<String, Boolean> accounts = new java.util.HashMap<>();
        objects.stream().filter(ServiceAccount.class::isInstance).map(ServiceAccount.class::cast)
                .forEach(account -> accounts.put(account.getMetadata().getName(), account.getAutomountServiceAccountToken()));
        for (Pod pod : pods(objects)) {
            Boolean automount = pod.spec().getAutomountServiceAccountToken();
            String account = pod.spec().getServiceAccountName();
            boolean mounted = automount != null ? automount : account == null || !Boolean.FALSE.equals(accounts.get(account));
            assertThat(mounted).as(rendered.name() + " " + pod.name() + " mounts an API token").isEqualTo(pod.name().endsWith(" driver"));
            if (!pod.name().endsWith(" driver") && account != null) {
                assertThat(accounts).as(pod.name() + "'s account is rendered").containsKey(account);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void networkPoliciesLetOnlyTheProgramsReachTheStores(Sources.Rendered rendered) {
        List<HasMetadata> objects = KubernetesObjects.parse(rendered.yaml());
        List<NetworkPolicy> policies = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
        List<Pod> pods = pods(objects);
        Pod query = pods.stream().filter(pod -> "query".equals(pod.program()) && pod.name().endsWith("-query")).findFirst().orElseThrow();
        List<Pod> spark = pods.stream().filter(pod -> "ingest".equals(pod.program())).toList();
        // Every pod is selected by a policy: nothing is left open by accident.
        for (Pod pod : pods) {
            assertThat(policies).as(rendered.name() + ": a policy selects " + pod.name())
                    .anyMatch(policy -> selects(policy.getSpec().getPodSelector(), pod.labels()));
        }
        for (Pod store : pods.stream().filter(pod -> pod.name().endsWith("-redis") || pod.name().endsWith("-elasticsearch")).toList()) {
            NetworkPolicy policy = policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), store.labels())).findFirst().orElseThrow();
            List<NetworkPolicyPeer> peers = policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream()).toList();
            assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty());
            assertThat(peers).allSatisfy(peer -> assertThat(peer.getNamespaceSelector()).isNull());
            assertThat(peers).as(store.name() + " admits the query service")
                    .anyMatch(peer -> selects(peer.getPodSelector(), query.labels()));
            for (Pod sparkPod : spark) {
                assertThat(peers).as(store.name() + " admits " + sparkPod.name()).anyMatch(peer -> selects(peer.getPodSelector(), sparkPod.labels()));
            }
            for (Pod other : pods.stream().filter(pod -> pod != query && !spark.contains(pod)).toList()) {
                assertThat(peers).as(store.name() + " refuses " + other.name()).noneMatch(peer -> selects(peer.getPodSelector(), other.labels()));
            }
        }
        NetworkPolicy queryPolicy = policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), query.labels())).findFirst().orElseThrow();
        assertThat(queryPolicy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty()
                .allSatisfy(port -> assertThat(port.getPort().getIntVal()).isIn(8080, 9000)));
        assertThat(queryPolicy.getSpec().getIngress()).filteredOn(rule -> rule.getFrom().isEmpty())
                .allSatisfy(open -> assertThat(open.getPorts()).allSatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(8080)));
        for (Pod sparkPod : spark) {
            NetworkPolicy policy = policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), sparkPod.labels())).findFirst().orElseThrow();
            assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty()
                    .allSatisfy(peer -> assertThat(selects(peer.getPodSelector(), sparkPod.labels())).isTrue()));
        }
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && labels != null && selector.getMatchExpressions().isEmpty()
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void eachProgramIsGivenOnlyItsOwnCredentials(Sources.Rendered rendered) {
        List<HasMetadata> objects = KubernetesObjects.parse(rendered.yaml());
        for (Pod pod : pods(objects).stream().filter(pod -> pod.program() != null).toList()) {
            List<String> secrets = pod.spec().getContainers().stream().flatMap(c -> c.getEnvFrom().stream())
                    .filter(source -> source.getSecretRef() != null).map(source -> source.getSecretRef().getName()).toList();
            String other = pod.program().equals("query") ? "ingest" : "query";
            assertThat(secrets).as(rendered.name() + " " + pod.name()).isNotEmpty().noneMatch(name -> name.contains(other))
                    .noneMatch(name -> name.endsWith("store-users"));
        }
        for (Secret secret : objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast).toList()) {
            String name = secret.getMetadata().getName();
            Map<String, String> data = data(secret);
            if (name.endsWith("-ingest-stores") || name.endsWith("-query-stores")) {
                String program = name.endsWith("-ingest-stores") ? "ingest" : "query";
                if (data.containsKey("REDIS_USERNAME")) {
                    assertThat(data).as(name).containsEntry("REDIS_USERNAME", "shoes-" + program).containsEntry("ELASTICSEARCH_USERNAME", "shoes-" + program);
                    assertThat(data.get("ELASTICSEARCH_HOSTS")).as(name).startsWith("https://");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void noPlaceholderPasswordRenders(Sources.Rendered rendered) {
        assertThat(rendered.yaml()).doesNotContainIgnoringCase("CHANGE_ME").doesNotContainIgnoringCase("changeme");
        for (Secret secret : KubernetesObjects.parse(rendered.yaml()).stream().filter(Secret.class::isInstance).map(Secret.class::cast).toList()) {
            data(secret).forEach((key, value) -> assertThat(value).as(secret.getMetadata().getName() + " " + key).isNotBlank());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void healthAndMetricsAreNotOnThePublicService(Sources.Rendered rendered) {
        List<Service> services = KubernetesObjects.parse(rendered.yaml()).stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
        Service api = services.stream().filter(service -> "NodePort".equals(service.getSpec().getType())).findFirst().orElseThrow();
        assertThat(api.getSpec().getPorts()).singleElement().satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        assertThat(services).anySatisfy(service -> {
            assertThat(service.getSpec().getType()).isIn(null, "ClusterIP");
            assertThat(service.getSpec().getPorts()).extracting(port -> port.getTargetPort().getStrVal()).containsExactly("management");
        });
    }

    @Test
    void k8sWithoutItsSecretFilesDoesNotRenderAndSaysWhichFileIsMissing() {
        Path copy = Sources.copyOfK8s();
        assertThatThrownBy(() -> Sources.run(List.of("kubectl", "kustomize", copy.toString())))
                .isInstanceOf(Sources.CommandFailed.class).hasMessageContaining("secrets/redis-admin");
    }

    @AfterEach
    void forgetSecrets() {
        KubeApiStub.clearSecrets();
    }

    /** An upgrade finds the generated passwords, Spark key and CA in the cluster and keeps them. */
    @Test
    void anUpgradeKeepsWhatTheFirstInstallGenerated() {
        String first = Sources.chart(null).yaml();
        Map<String, Map<String, String>> generated = new java.util.HashMap<>();
        for (Secret secret : KubernetesObjects.parse(first).stream().filter(Secret.class::isInstance).map(Secret.class::cast).toList()) {
            generated.put(secret.getMetadata().getName(), data(secret));
            KubeApiStub.putSecret(Sources.NAMESPACE, secret.getMetadata().getName(), data(secret));
        }
        String fullname = Sources.RELEASE + "-shoe-catalog";
        assertThat(generated).containsKeys(fullname + "-store-users", fullname + "-spark-auth", fullname + "-elasticsearch-tls");
        Map<String, Map<String, String>> upgraded = new java.util.HashMap<>();
        for (Secret secret : KubernetesObjects.parse(Sources.chart(null).yaml()).stream().filter(Secret.class::isInstance).map(Secret.class::cast).toList()) {
            upgraded.put(secret.getMetadata().getName(), data(secret));
        }
        assertThat(upgraded).isEqualTo(generated);
        KubeApiStub.clearSecrets();
        Map<String, String> fresh = data(KubernetesObjects.parse(Sources.chart(null).yaml()).stream().filter(Secret.class::isInstance)
                .map(Secret.class::cast).filter(s -> s.getMetadata().getName().equals(fullname + "-store-users")).findFirst().orElseThrow());
        assertThat(fresh.get("redis-query")).as("a new install generates new passwords").isNotEqualTo(generated.get(fullname + "-store-users").get("redis-query"));
        assertThat(Set.copyOf(fresh.values())).as("every generated password is different").hasSize(fresh.size());
    }

    /** Secret values in clear text, from stringData or data. */
    private static Map<String, String> data(Secret secret) {
        Map<String, String> values = new java.util.HashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) -> values.put(key, new String(java.util.Base64.getMimeDecoder().decode(value),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }
}
