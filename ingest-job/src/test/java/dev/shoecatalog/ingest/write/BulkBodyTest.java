package dev.shoecatalog.ingest.write;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesOneActionAndOneDocumentLinePerShoeWithTheIdEscaped() throws Exception {
        BulkBody body = new BulkBody("shoes-7");
        body.add("plain", Map.of("name", "One"));
        body.add("quote\" back\\slash\nline é", Map.of("name", "Two \"quoted\""));

        String text = new String(body.toBytes(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();

        assertThat(text).endsWith("\n");
        assertThat(lines).hasSize(4);
        JsonNode second = JSON.readTree(lines.get(2)).path("index");
        assertThat(second.path("_index").asText()).isEqualTo("shoes-7");
        assertThat(second.path("_id").asText()).isEqualTo("quote\" back\\slash\nline é");
        assertThat(JSON.readTree(lines.get(3)).path("name").asText()).isEqualTo("Two \"quoted\"");
        assertThat(body.bytes()).isEqualTo(body.toBytes().length);
        assertThat(body.size()).isEqualTo(2);
    }

    @Test
    void aRetryBodyHoldsOnlyTheChosenDocumentsInOrder() throws Exception {
        BulkBody body = new BulkBody("shoes-1");
        for (String id : List.of("a", "b", "c", "d")) {
            body.add(id, Map.of("id", id));
        }

        BulkBody retry = body.only(List.of(1, 3));

        List<String> lines = new String(retry.toBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines.get(0)).path("index").path("_id").asText()).isEqualTo("b");
        assertThat(JSON.readTree(lines.get(3)).path("id").asText()).isEqualTo("d");
        assertThat(retry.id(1)).isEqualTo("d");
        assertThat(retry.bytes()).isEqualTo(retry.toBytes().length);
        assertThat(body.only(List.of()).isEmpty()).isTrue();
    }
}
