package dev.shoecatalog.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What keeps an installed catalog working through restarts, password changes and CI: checked on the rendered chart and the workflows. */
class ChartOperationsTest {

    static Stream<Sources.Rendered> chartRenderings() {
        return Sources.all().filter(rendered -> rendered.name().startsWith("chart"));
    }

    /** A workload's pod template and its metadata. */
    private record Workload(String name, ObjectMeta podMetadata, PodSpec pod) {
    }

    private static List<Workload> workloads(List<HasMetadata> objects) {
        List<Workload> workloads = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment d) {
                workloads.add(new Workload(d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata(), d.getSpec().getTemplate().getSpec()));
            } else if (object instanceof StatefulSet s) {
                workloads.add(new Workload(s.getMetadata().getName(), s.getSpec().getTemplate().getMetadata(), s.getSpec().getTemplate().getSpec()));
            }
        }
        return workloads;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chartRenderings")
    void everyWorkloadThatReadsAChartSecretRestartsWhenItChanges(Sources.Rendered rendered) {
        List<HasMetadata> objects = KubernetesObjects.parse(rendered.yaml());
        Set<String> chartSecrets = new java.util.HashSet<>();
        objects.stream().filter(Secret.class::isInstance).forEach(secret -> chartSecrets.add(secret.getMetadata().getName()));
        int checked = 0;
        for (Workload workload : workloads(objects)) {
            boolean readsOne = workload.pod().getContainers().stream().anyMatch(container ->
                    container.getEnvFrom().stream().anyMatch(source -> source.getSecretRef() != null
                            && chartSecrets.contains(source.getSecretRef().getName()))
                    || container.getEnv().stream().anyMatch(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null
                            && chartSecrets.contains(env.getValueFrom().getSecretKeyRef().getName())));
            if (readsOne) {
                checked++;
                assertThat(workload.podMetadata().getAnnotations()).as(workload.name()).containsKey("checksum/secrets");
            }
        }
        // Existing Secrets (values-external.yaml) are the user's: the chart cannot see them change.
        assertThat(checked > 0 || chartSecrets.isEmpty()).as("workloads reading the chart's Secrets were found").isTrue();
    }

    @Test
    void redisKeepsTheCatalogOnAVolumeByDefault() {
        List<HasMetadata> objects = KubernetesObjects.parse(Sources.chart(null).yaml());
        Deployment redis = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().endsWith("-redis")).findFirst().orElseThrow();
        PodSpec pod = redis.getSpec().getTemplate().getSpec();
        String claim = pod.getVolumes().stream().filter(v -> v.getName().equals("data")).findFirst().orElseThrow()
                .getPersistentVolumeClaim().getClaimName();
        assertThat(objects).anySatisfy(object -> assertThat(object).isInstanceOf(PersistentVolumeClaim.class)
                .extracting(o -> o.getMetadata().getName()).isEqualTo(claim));
        assertThat(String.join(" ", pod.getContainers().get(0).getArgs())).contains("--appendonly yes");
    }

    @SuppressWarnings("unchecked")
    private static List<String> jobArguments(String yaml) {
        Map<String, Object> spec = DeploymentRulesTest.map(DeploymentRulesTest.sparkApplication(new Sources.Rendered("chart", yaml)).getAdditionalProperties().get("spec"));
        return (List<String>) spec.get("arguments");
    }

    @Test
    void theDefaultInstallLoadsTheSampleInTheJobImageWithNoSecondPhase() throws IOException {
        String yaml = Sources.chart(null).yaml();
        List<String> arguments = jobArguments(yaml);
        assertThat(arguments.get(arguments.indexOf("--dataset") + 1)).isEqualTo("/opt/shoe-catalog/dataset/sample");
        assertThat(KubernetesObjects.parse(yaml)).noneSatisfy(object -> assertThat(object.getMetadata().getName()).endsWith("-dataset"));
        // The image the SparkApplication runs carries that directory.
        String dockerfile = Files.readString(Sources.root().resolve("ingest-job/src/main/docker/Dockerfile"));
        assertThat(dockerfile).contains("COPY --chown=185:185 dataset/sample/ /opt/shoe-catalog/dataset/sample/");
    }

    @Test
    void theOneOffLoadStaysOnceCompletedSoThatAnUpgradeNeverRecreatesIt() {
        Map<String, Object> spec = DeploymentRulesTest.map(DeploymentRulesTest.sparkApplication(Sources.chart(null)).getAdditionalProperties().get("spec"));
        assertThat(spec).doesNotContainKey("timeToLiveSeconds");
        assertThat(Sources.chart(null).yaml()).doesNotContain("kind: ScheduledSparkApplication");
    }

    @Test
    void anExistingClaimOrAUriReplacesTheSample() {
        String claim = Sources.template()
                .withKubeVersion(Sources.KUBE_VERSION).set("redis.password", "test-only").set("elasticsearch.password", "test-only")
                .set("dataset.existingClaim", "my-shoes").call();
        List<String> arguments = jobArguments(claim);
        assertThat(arguments.get(arguments.indexOf("--dataset") + 1)).isEqualTo("/data/shoes");
        assertThat(claim).contains("claimName: my-shoes");
        String uri = Sources.template()
                .withKubeVersion(Sources.KUBE_VERSION).set("redis.password", "test-only").set("elasticsearch.password", "test-only")
                .set("dataset.uri", "hdfs://namenode:8020/shoes").call();
        arguments = jobArguments(uri);
        assertThat(arguments.get(arguments.indexOf("--dataset") + 1)).isEqualTo("hdfs://namenode:8020/shoes");
    }

    @Test
    void operationsObjectsSelectTheQueryPodsWhenEnabled() {
        String yaml = Sources.template()
                .withKubeVersion(Sources.KUBE_VERSION).set("redis.password", "test-only").set("elasticsearch.password", "test-only")
                .set("query.podDisruptionBudget.enabled", true).set("query.autoscaling.enabled", true)
                .set("query.serviceMonitor.enabled", true).set("query.serviceMonitor.labels.release", "prometheus").call();
        List<HasMetadata> objects = KubernetesObjects.parse(yaml);
        Deployment query = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().endsWith("-query")).findFirst().orElseThrow();
        Map<String, String> podLabels = query.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(query.getSpec().getReplicas()).as("replicas left to the autoscaler").isNull();
        io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget pdb = objects.stream()
                .filter(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class::cast).findFirst().orElseThrow();
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler hpa = objects.stream()
                .filter(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class::cast).findFirst().orElseThrow();
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(query.getMetadata().getName());
        assertThat(yaml).contains("kind: ServiceMonitor", "path: /q/metrics", "release: prometheus");
        assertThat(Sources.chart(null).yaml()).doesNotContain("kind: ServiceMonitor", "kind: PodDisruptionBudget",
                "kind: HorizontalPodAutoscaler");
    }

    @Test
    void theGrafanaDashboardUsesTheMetricsTheServiceExports() throws IOException {
        String yaml = Sources.template()
                .withKubeVersion(Sources.KUBE_VERSION).set("redis.password", "test-only").set("elasticsearch.password", "test-only")
                .set("query.grafanaDashboard.enabled", true).call();
        io.fabric8.kubernetes.api.model.ConfigMap dashboard = KubernetesObjects.parse(yaml).stream()
                .filter(io.fabric8.kubernetes.api.model.ConfigMap.class::isInstance).map(io.fabric8.kubernetes.api.model.ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().endsWith("-dashboard")).findFirst().orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dashboard.getData().get("shoe-catalog.json"));
        List<String> expressions = new ArrayList<>();
        json.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        assertThat(String.join("\n", expressions)).contains("shoes_requests_seconds_count", "shoes_requests_seconds_bucket",
                "status=\"5xx\"", "shoes_catalog_generation_age_seconds");
        assertThat(json.path("panels").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyWorkflowStepThatPipesRunsWithPipefailAndOnlyReadsTheCode() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<Path> workflows;
        try (Stream<Path> files = Files.list(Sources.root().resolve(".github/workflows"))) {
            workflows = files.filter(f -> f.toString().endsWith(".yml")).toList();
        }
        assertThat(workflows).isNotEmpty();
        int piping = 0;
        for (Path file : workflows) {
            JsonNode workflow = yaml.readTree(file.toFile());
            assertThat(workflow.path("permissions").path("contents").asText()).as("%s permissions", file.getFileName()).isEqualTo("read");
            for (Map.Entry<String, JsonNode> job : iterable(workflow.path("jobs").fields())) {
                for (JsonNode step : job.getValue().path("steps")) {
                    String run = step.path("run").asText("");
                    if (!run.matches("(?s).*[^|]\\|[^|].*")) {
                        continue;
                    }
                    piping++;
                    // GitHub runs plain "bash" as "bash -eo pipefail"; its default shell has no pipefail.
                    String shell = firstText(step.path("shell"), job.getValue().path("defaults").path("run").path("shell"),
                            workflow.path("defaults").path("run").path("shell"));
                    assertThat(shell).as("%s, job %s, step %s", file.getFileName(), job.getKey(), step.path("name").asText()).isEqualTo("bash");
                }
            }
        }
        assertThat(piping).isPositive();
    }

    @Test
    void theOperatorsNamespaceIsCreatedBeforeTheOperatorIsInstalled() throws IOException {
        for (Path file : List.of(Sources.root().resolve(".github/workflows/e2e-kind.yml"), Sources.root().resolve("README.md"))) {
            String text = Files.readString(file);
            int namespace = text.indexOf("kubectl create namespace shoes");
            int operator = text.indexOf("helm install spark-operator");
            assertThat(operator).as("%s installs the operator", file.getFileName()).isPositive();
            assertThat(namespace).as("%s creates the namespace first", file.getFileName()).isBetween(0, operator);
        }
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node.isTextual()) {
                return node.asText();
            }
        }
        return null;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
