package dev.shoecatalog.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json: a misspelled, mistyped or unknown value is refused by name; every value is declared. */
class ValuesSchemaTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            redis.persistance.enabled   | false    | persistance
            query.replicas              | two      | replicas
            redis.persistence.mode      | snapshot | mode
            query.service.nodePort      | 8080     | nodePort
            ingest.executorInstances    | 0        | executorInstances
            redis.resources.limits.memory | 4GB    | memory
            secrets.mode                | vault    | mode
            elasticsearch.heap          | lots     | heap
            """)
    void aWrongValueIsRefusedNamingIt(String key, String value, String named) {
        var template = Sources.template().set("redis.password", "test-only-redis").set("elasticsearch.password", "test-only-elastic")
                .set(key, value);
        assertThatThrownBy(template::call)
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(named);
    }

    @Test
    void anUnknownTopLevelValueIsRefused() {
        var template = Sources.template().set("redis.password", "test-only-redis").set("elasticsearch.password", "test-only-elastic")
                .set("elasticsearh.enabled", "false");
        assertThatThrownBy(template::call).hasMessageContaining("elasticsearh");
    }

    /** Every leaf of the schema is a value of values.yaml, so the schema declares nothing values.yaml does not document. */
    @Test
    void theSchemaAndValuesYamlDeclareTheSameValues() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode values = yaml.readTree(Files.readString(Sources.chart().resolve("values.yaml")));
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Sources.chart().resolve("values.schema.json")));
        TreeSet<String> declared = new TreeSet<>();
        collectSchemaPaths(schema, schema, "", declared);
        declared.remove("global");
        TreeSet<String> documented = new TreeSet<>();
        collectValuePaths(values, "", documented);
        assertThat(documented).isEqualTo(declared);
    }

    private static void collectSchemaPaths(JsonNode root, JsonNode node, String path, TreeSet<String> paths) {
        if (node.has("$ref")) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        JsonNode properties = node.get("properties");
        if (properties == null || (node.has("additionalProperties") && !node.get("additionalProperties").isBoolean())) {
            paths.add(path);
            return;
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            collectSchemaPaths(root, property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(), paths);
        }
    }

    private static void collectValuePaths(JsonNode node, String path, TreeSet<String> paths) {
        if (!node.isObject() || node.isEmpty()) {
            paths.add(path);
            return;
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        for (Map.Entry<String, JsonNode> field : fields) {
            collectValuePaths(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), paths);
        }
    }
}
