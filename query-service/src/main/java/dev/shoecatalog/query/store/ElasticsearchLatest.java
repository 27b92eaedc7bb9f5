package dev.shoecatalog.query.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeFields;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.http.HttpEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

/**
 * "Latest", the hottest query, over the low-level client: a request body written as text around the
 * two values that vary, and each hit's {@code _source}, stored in the answer's own shape, read straight
 * into a {@link Shoe}. The typed client would build the request as objects, parse the answer into
 * maps and convert those again. Trimming the answer in Elasticsearch ({@code filter_path},
 * {@code _source} excludes) was measured slower: the store re-serializes it, on the same cores.
 * The answer's types are read by reflection, which a native image must be told of.
 */
@ApplicationScoped
@RegisterForReflection(targets = {ElasticsearchLatest.SourceHits.class, ElasticsearchLatest.Hits.class, ElasticsearchLatest.Hit.class, Shoe.class})
class ElasticsearchLatest {

    private static final String PATH = "/" + CatalogKeys.ALIAS + "/_search";
    private static final String BODY_START = "{\"size\":";
    private static final String BODY_REST = ",\"track_total_hits\":false"
            + ",\"sort\":[{\"" + ShoeFields.DATE_UPDATED + "\":{\"order\":\"desc\"}},{\"" + ShoeFields.ID + "\":{\"order\":\"desc\"}}]";
    private static final String COLOR_FILTER_START = ",\"query\":{\"bool\":{\"filter\":[{\"term\":{\"" + ShoeFields.COLOR_KEYS + "\":\"";
    private static final String COLOR_FILTER_END = "\"}}]}}";

    private final RestClient client;
    private final ObjectReader hits;
    private final ObjectReader tree;

    ElasticsearchLatest(RestClient client, ObjectMapper mapper) {
        this.client = client;
        // The answer holds more than is read (took, shards, each hit's index and sort, nameWords);
        // the mapper's strictness is for what clients send.
        this.hits = mapper.readerFor(SourceHits.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.tree = mapper.reader();
    }

    /** The n newest shoes, of a color when given; failures as {@link ElasticsearchFailures} maps them. */
    Uni<List<Shoe>> latest(int n, Optional<String> colorKey) {
        Request request = new Request("POST", PATH);
        request.setJsonEntity(body(n, colorKey));
        return Uni.createFrom().<Response>emitter(emitter -> client.performRequestAsync(request, new ResponseListener() {
                    @Override
                    public void onSuccess(Response response) {
                        emitter.complete(response);
                    }

                    @Override
                    public void onFailure(Exception failure) {
                        emitter.fail(failure);
                    }
                }))
                .onFailure().transform(this::refused)
                .map(this::shoes);
    }

    static String body(int n, Optional<String> colorKey) {
        StringBuilder body = new StringBuilder(320).append(BODY_START).append(n).append(BODY_REST);
        colorKey.ifPresent(key -> body.append(COLOR_FILTER_START).append(JsonStringEncoder.getInstance().quoteAsString(key))
                .append(COLOR_FILTER_END));
        return body.append('}').toString();
    }

    private List<Shoe> shoes(Response response) {
        try (InputStream content = response.getEntity().getContent()) {
            SourceHits answer = hits.readValue(content);
            return answer.hits() == null || answer.hits().hits() == null ? List.of()
                    : answer.hits().hits().stream().map(Hit::_source).toList();
        } catch (IOException | RuntimeException e) {
            throw new StoreRefusedException(StoreName.ELASTICSEARCH, "an answer the service cannot read (" + Failures.kind(e) + ")", e);
        }
    }

    private RuntimeException refused(Throwable failure) {
        return failure instanceof ResponseException answered
                ? ElasticsearchFailures.searchAnswered(answered.getResponse().getStatusLine().getStatusCode(),
                        () -> errorType(answered.getResponse().getEntity()), null, failure)
                : ElasticsearchFailures.noAnswer(failure);
    }

    private String errorType(HttpEntity entity) {
        try (InputStream content = entity.getContent()) {
            JsonNode type = tree.readTree(content).path("error").path("type");
            return type.isTextual() ? type.asText() : "unknown";
        } catch (IOException | RuntimeException unreadable) {
            return "unknown";
        }
    }

    /** The part of a search answer read; the rest (took, shards, each hit's index, score, sort) is skipped. */
    record SourceHits(Hits hits) {
    }

    record Hits(List<Hit> hits) {
    }

    record Hit(Shoe _source) {
    }
}
