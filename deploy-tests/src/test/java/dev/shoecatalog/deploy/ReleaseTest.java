package dev.shoecatalog.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Releases: one version for the tag, the chart, its appVersion, the build and the images; published
 * only after the tests pass, never over a published version, by actions pinned to a commit.
 */
class ReleaseTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonNode chartYaml() throws IOException {
        return YAML.readTree(Sources.chart().resolve("Chart.yaml").toFile());
    }

    private static JsonNode workflow(String name) throws IOException {
        return YAML.readTree(Sources.root().resolve(".github/workflows").resolve(name).toFile());
    }

    @Test
    void theChartsVersionItsAppVersionAndTheBuildsVersionAreOne() throws IOException {
        JsonNode chart = chartYaml();
        Matcher version = Pattern.compile("<artifactId>shoe-catalog-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Sources.root().resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(chart.path("appVersion").asText()).isEqualTo(chart.path("version").asText())
                .isEqualTo(version.group(1).replace("-SNAPSHOT", ""));
    }

    @Test
    void theProjectImagesFollowTheChartsAppVersionUnlessAValueSetsATag() throws IOException {
        String appVersion = chartYaml().path("appVersion").asText();
        String rendered = Sources.chart(null).yaml();
        assertThat(projectImages(rendered)).containsExactlyInAnyOrder(
                "ghcr.io/shoe-catalog/ingest-job:" + appVersion, "ghcr.io/shoe-catalog/query-service:" + appVersion);
        String pinned = Sources.template().set("redis.password", "test-only-redis").set("elasticsearch.password", "test-only-elastic")
                .set("images.queryService.tag", "9.9.9-native").call();
        assertThat(projectImages(pinned)).contains("ghcr.io/shoe-catalog/query-service:9.9.9-native", "ghcr.io/shoe-catalog/ingest-job:" + appVersion);
    }

    private static List<String> projectImages(String yaml) {
        List<String> images = new ArrayList<>();
        for (HasMetadata object : KubernetesObjects.parse(yaml)) {
            if (object instanceof Deployment deployment) {
                deployment.getSpec().getTemplate().getSpec().getContainers().forEach(container -> images.add(container.getImage()));
            } else if (object.getKind().equals("SparkApplication")) {
                images.add((String) DeploymentRulesTest.map(((io.fabric8.kubernetes.api.model.GenericKubernetesResource) object)
                        .getAdditionalProperties().get("spec")).get("image"));
            }
        }
        return images.stream().filter(image -> image.contains("shoe-catalog/")).toList();
    }

    /** The publishing job runs after the version check and the README's test command (the CI workflow, which runs bin/test). */
    @Test
    void nothingIsPublishedBeforeTheTestsAndTheVersionCheckPass() throws IOException {
        JsonNode release = workflow("release.yml");
        JsonNode jobs = release.path("jobs");
        assertThat(jobs.path("test").path("uses").asText()).isEqualTo("./.github/workflows/ci.yml");
        assertThat(workflow("ci.yml").path("on").has("workflow_call")).isTrue();
        assertThat(workflow("ci.yml").toString()).contains("bin/test");
        assertThat(Files.readString(Sources.root().resolve("README.md"))).contains("bin/test");
        List<String> needs = new ArrayList<>();
        jobs.path("publish").path("needs").forEach(need -> needs.add(need.asText()));
        assertThat(needs).contains("test", "versions");
        String check = steps(jobs.path("versions")).toString();
        assertThat(check).contains("project.version", "^version:", "^appVersion:", "exit 1");
        assertThat(release.path("permissions").path("packages").isMissingNode()).as("write rights only in the publishing job").isTrue();
        jobs.properties().forEach(job -> {
            if (!job.getKey().equals("publish")) {
                assertThat(job.getValue().path("permissions").path("packages").asText()).as(job.getKey()).isNotEqualTo("write");
            }
        });
    }

    /** A tag pushed again, or a version whose chart or images exist, stops before anything is built. */
    @Test
    void aPublishedVersionIsNeverOverwritten() throws IOException {
        List<String> runs = new ArrayList<>();
        steps(workflow("release.yml").path("jobs").path("publish")).forEach(step -> runs.add(step.path("run").asText("")));
        int guard = indexOfRunContaining(runs, "helm show chart");
        assertThat(runs.get(guard)).contains("docker manifest inspect", "exit 1");
        assertThat(guard).isLessThan(indexOfRunContaining(runs, "docker push")).isLessThan(indexOfRunContaining(runs, "helm push"));
    }

    /** Every action a job with write permissions runs is pinned to a commit, its version in a comment. */
    @Test
    void actionsOfJobsThatMayWriteArePinnedToACommit() throws IOException {
        try (var files = Files.list(Sources.root().resolve(".github/workflows"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                JsonNode workflow = YAML.readTree(file.toFile());
                String text = Files.readString(file);
                for (Map.Entry<String, JsonNode> job : workflow.path("jobs").properties()) {
                    boolean writes = job.getValue().path("permissions").toString().contains("write")
                            || workflow.path("permissions").toString().contains("write");
                    if (!writes) {
                        continue;
                    }
                    for (JsonNode step : steps(job.getValue())) {
                        String uses = step.path("uses").asText("");
                        if (uses.isEmpty() || uses.startsWith("./")) {
                            continue;
                        }
                        assertThat(uses).as("%s, job %s", file.getFileName(), job.getKey()).matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
                        assertThat(text).as("the version of %s in a comment", uses).containsPattern(Pattern.quote(uses) + " # v\\d");
                    }
                }
            }
        }
    }

    /** The cluster checks run before a change lands, not only after: on pull requests touching what a cluster runs. */
    @Test
    void theKindEndToEndRunsOnPullRequestsThatTouchTheChartTheManifestsOrTheImages() throws IOException {
        JsonNode on = workflow("e2e-kind.yml").path("on");
        List<String> paths = new ArrayList<>();
        on.path("pull_request").path("paths").forEach(path -> paths.add(path.asText()));
        assertThat(paths).contains("helm/**", "k8s/**", "ingest-job/**", "query-service/**", "catalog-model/**");
        assertThat(on.path("push").path("branches").toString()).contains("main");
        assertThat(workflow("e2e-kind.yml").toString()).contains("kubectl apply -k k8s/ --dry-run=server");
    }

    private static JsonNode steps(JsonNode job) {
        return job.path("steps");
    }

    private static int indexOfRunContaining(List<String> runs, String text) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no step runs " + text);
    }
}
