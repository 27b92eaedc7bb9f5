package dev.shoecatalog.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SparkApplication validates against the spark-operator CRD (types, required fields, and no field
 * the CRD does not define, which the API server would silently prune), and one Spark version runs
 * through the build, the job image and the custom resource.
 */
class SparkApplicationTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    /** spark-operator v2.5.2's CRD, kept in this module's test resources (see crds/README.md there). */
    private static final Path CRD = Path.of("src/test/resources/crds/sparkoperator.k8s.io_sparkapplications.yaml");

    static Stream<Sources.Rendered> renderings() {
        return Sources.all();
    }

    private static final Path SCHEDULED_CRD = CRD.resolveSibling("sparkoperator.k8s.io_scheduledsparkapplications.yaml");

    private static JsonNode crdSchema() throws IOException {
        return crdSchema(CRD);
    }

    private static JsonNode crdSchema(Path file) throws IOException {
        JsonNode crd = YAML.readTree(file.toFile());
        for (JsonNode version : crd.at("/spec/versions")) {
            if (version.get("name").asText().equals("v1beta2")) {
                return version.at("/schema/openAPIV3Schema");
            }
        }
        throw new AssertionError("no v1beta2 in the CRD");
    }

    private static JsonNode sparkApplication(Sources.Rendered rendered) throws IOException {
        for (String document : Sources.documents(rendered.yaml())) {
            JsonNode node = YAML.readTree(document);
            if (node != null && "SparkApplication".equals(node.path("kind").asText())) {
                return node;
            }
        }
        throw new AssertionError("no SparkApplication in " + rendered.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void validatesAgainstTheCrdSchema(Sources.Rendered rendered) throws IOException {
        JsonNode schema = crdSchema();
        JsonNode application = sparkApplication(rendered);
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        Set<ValidationMessage> errors = validator.validate(application);
        assertThat(errors).as(rendered.name()).isEmpty();
        List<String> unknown = new ArrayList<>();
        unknownFields(application, schema, "", unknown);
        assertThat(unknown).as("fields the CRD does not define in " + rendered.name()).isEmpty();
    }

    @Test
    void theScheduledReloadValidatesAgainstItsCrd() throws IOException {
        String yaml = Sources.template()
                .withKubeVersion(Sources.KUBE_VERSION).set("redis.password", "test-only").set("elasticsearch.password", "test-only")
                .set("ingest.schedule", "0 3 * * *").call();
        JsonNode scheduled = null;
        for (String document : Sources.documents(yaml)) {
            JsonNode node = YAML.readTree(document);
            if (node != null && "ScheduledSparkApplication".equals(node.path("kind").asText())) {
                scheduled = node;
            }
        }
        assertThat(scheduled).as("a ScheduledSparkApplication when ingest.schedule is set").isNotNull();
        assertThat(scheduled.at("/spec/schedule").asText()).isEqualTo("0 3 * * *");
        assertThat(scheduled.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
        JsonNode schema = crdSchema(SCHEDULED_CRD);
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema).validate(scheduled);
        assertThat(errors).isEmpty();
        List<String> unknown = new ArrayList<>();
        unknownFields(scheduled, schema, "", unknown);
        assertThat(unknown).isEmpty();
        // Its runs are the one-off load's spec.
        assertThat(scheduled.at("/spec/template")).isEqualTo(sparkApplication(new Sources.Rendered("scheduled", yaml)).get("spec"));
    }

    /** A rollback is the one-off run's alone: the next scheduled run loads, as every one does. */
    @Test
    void aRollbackNeverReachesTheSchedule() throws IOException {
        String yaml = Sources.template()
                .withKubeVersion(Sources.KUBE_VERSION).set("redis.password", "test-only").set("elasticsearch.password", "test-only")
                .set("ingest.schedule", "0 3 * * *").set("ingest.rollback", "true").call();
        Map<String, List<String>> arguments = new java.util.TreeMap<>();
        for (String document : Sources.documents(yaml)) {
            JsonNode node = YAML.readTree(document);
            if (node == null) {
                continue;
            }
            JsonNode spec = switch (node.path("kind").asText()) {
                case "SparkApplication" -> node.get("spec");
                case "ScheduledSparkApplication" -> node.at("/spec/template");
                default -> null;
            };
            if (spec != null) {
                List<String> args = new ArrayList<>();
                spec.get("arguments").forEach(arg -> args.add(arg.asText()));
                arguments.put(node.path("kind").asText(), args);
            }
        }
        assertThat(arguments.get("SparkApplication")).contains("--rollback");
        assertThat(arguments.get("ScheduledSparkApplication")).isNotEmpty().doesNotContain("--rollback");
        Path values = Files.createTempFile("rollback-in-extra-args", ".yaml");
        Files.writeString(values, "ingest:\n  schedule: \"0 3 * * *\"\n  extraArgs: [\"--rollback\"]\n");
        assertThatThrownBy(() -> Sources.template().withValuesFile(values)
                .withKubeVersion(Sources.KUBE_VERSION).set("redis.password", "test-only").set("elasticsearch.password", "test-only").call())
                .hasMessageContaining("ingest.extraArgs must not hold --rollback").hasMessageContaining("ingest.rollback=true");
        Files.delete(values);
    }

    /** Rejects are written by the driver alone: no claim shared by pods on several nodes, and none without ingest. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void onlyTheDriverMountsTheRejectsClaim(Sources.Rendered rendered) throws IOException {
        JsonNode spec = sparkApplication(rendered).get("spec");
        List<String> driver = new ArrayList<>();
        spec.at("/driver/volumeMounts").forEach(mount -> driver.add(mount.get("name").asText()));
        List<String> executor = new ArrayList<>();
        spec.at("/executor/volumeMounts").forEach(mount -> executor.add(mount.get("name").asText()));
        assertThat(driver).contains("rejects");
        assertThat(executor).isNotEmpty().doesNotContain("rejects");
    }

    @Test
    void withoutIngestThereIsNoRejectsClaim() {
        String yaml = Sources.template()
                .withKubeVersion(Sources.KUBE_VERSION).set("redis.password", "test-only").set("elasticsearch.password", "test-only")
                .set("ingest.enabled", "false").call();
        assertThat(yaml).contains("kind: Deployment").doesNotContain("-rejects").doesNotContain("SparkApplication");
    }

    /** Rejects on a shared filesystem: the job writes them there, and no claim or mount renders. */
    @Test
    void aRejectsUriReplacesTheClaim() throws IOException {
        String yaml = Sources.template().set("redis.password", "test-only").set("elasticsearch.password", "test-only")
                .set("dataset.rejectsUri", "s3a://shoes/rejects").call();
        assertThat(yaml).doesNotContain("shoe-catalog-rejects");
        JsonNode spec = sparkApplication(new Sources.Rendered("rejectsUri", yaml)).get("spec");
        List<String> arguments = new ArrayList<>();
        spec.get("arguments").forEach(argument -> arguments.add(argument.asText()));
        assertThat(String.join(" ", arguments)).contains("--rejects s3a://shoes/rejects");
        assertThat(spec.at("/driver/volumeMounts").toString()).doesNotContain("rejects");
    }

    @Test
    void aMisspelledFieldIsCaught() throws IOException {
        JsonNode typo = YAML.readTree("""
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: SparkApplication
                metadata: {name: x}
                spec:
                  type: Java
                  sparkVersion: "4.0.4"
                  mainApplicationFile: local:///x.jar
                  driver: {cores: 1, serviceAcount: spark}
                  executor: {instances: 1}
                """);
        List<String> unknown = new ArrayList<>();
        unknownFields(typo, crdSchema(), "", unknown);
        assertThat(unknown).containsExactly(".spec.driver.serviceAcount");
    }

    /** Fields of the object that the schema neither lists nor allows through additionalProperties. */
    private static void unknownFields(JsonNode value, JsonNode schema, String path, List<String> unknown) {
        if (schema == null || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                unknownFields(value.get(i), schema.get("items"), path + "[" + i + "]", unknown);
            }
        } else if (value.isObject()) {
            JsonNode properties = schema.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (properties != null && properties.has(field.getKey())) {
                    unknownFields(field.getValue(), properties.get(field.getKey()), path + "." + field.getKey(), unknown);
                } else if (schema.has("additionalProperties")) {
                    unknownFields(field.getValue(), schema.get("additionalProperties"), path + "." + field.getKey(), unknown);
                } else if (properties != null && !path.equals(".metadata")) {
                    unknown.add(path + "." + field.getKey());
                }
            }
        }
    }

    @Test
    void oneSparkVersionInTheBuildTheImageAndTheCustomResources() throws IOException {
        String build = System.getProperty("spark.version");
        assertThat(build).isNotBlank();
        String dockerfile = Files.readString(Sources.root().resolve("ingest-job/src/main/docker/Dockerfile"));
        Matcher from = Pattern.compile("(?m)^FROM apache/spark:(\\S+)").matcher(dockerfile);
        assertThat(from.find()).isTrue();
        assertThat(from.group(1)).isEqualTo(build);
        for (Sources.Rendered rendered : Sources.all().toList()) {
            assertThat(sparkApplication(rendered).at("/spec/sparkVersion").asText()).as(rendered.name()).isEqualTo(build);
        }
    }
}
