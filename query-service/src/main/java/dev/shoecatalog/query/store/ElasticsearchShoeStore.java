package dev.shoecatalog.query.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.model.ShoeSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads Elasticsearch through the {@code shoes} alias: {@code term} filters (never a query string),
 * sorted by dateUpdated desc then id desc, {@code search_after} for cursors.
 */
@ApplicationScoped
public class ElasticsearchShoeStore implements ShoeStore {

    @SuppressWarnings("rawtypes")
    private static final Class<Map> SOURCE = Map.class;

    private final ElasticsearchClient client;

    ElasticsearchShoeStore(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public List<Shoe> latest(int n, Optional<String> colorKey) {
        List<Query> filters = new ArrayList<>();
        colorKey.ifPresent(key -> filters.add(term(ShoeFields.COLOR_KEYS, key)));
        return shoes(search(newestFirst(n, filters)));
    }

    @Override
    public Optional<Shoe> byId(String id) {
        List<Shoe> found = shoes(search(newestFirst(1, List.of(Query.of(q -> q.ids(i -> i.values(id)))))));
        return found.stream().findFirst();
    }

    @Override
    public SearchPage search(SearchQuery query) {
        List<Query> filters = new ArrayList<>();
        query.brandKey().ifPresent(brand -> filters.add(term(ShoeFields.BRAND_KEY, brand)));
        query.colorKey().ifPresent(color -> filters.add(term(ShoeFields.COLOR_KEYS, color)));
        if (query.minPrice().isPresent() || query.maxPrice().isPresent()) {
            filters.add(Query.of(q -> q.range(r -> r.number(num -> {
                num.field(ShoeFields.PRICE_MIN);
                query.minPrice().ifPresent(num::gte);
                query.maxPrice().ifPresent(num::lte);
                return num;
            }))));
        }
        List<Query> must = new ArrayList<>();
        query.text().filter(text -> !text.isBlank()).ifPresent(text ->
                must.add(Query.of(q -> q.match(m -> m.field(ShoeFields.NAME).query(text).operator(Operator.And)))));
        SearchRequest.Builder request = newestFirst(query.n(), filters);
        if (!must.isEmpty()) {
            request.query(q -> q.bool(b -> b.filter(filters).must(must)));
        }
        query.cursor().map(ElasticsearchShoeStore::searchAfter).ifPresent(request::searchAfter);
        request.trackTotalHits(t -> t.enabled(true));
        SearchResponse<Map> response = search(request);
        List<Shoe> shoes = shoes(response);
        List<Hit<Map>> hits = response.hits().hits();
        Optional<String> next = hits.size() < query.n() ? Optional.empty()
                : Optional.of(cursor(hits.get(hits.size() - 1).sort()));
        long total = response.hits().total() == null ? shoes.size() : response.hits().total().value();
        return new SearchPage(shoes, total, next);
    }

    @Override
    public Optional<GenerationInfo> generation() {
        try {
            var aliases = client.indices().getAlias(a -> a.name(CatalogKeys.ALIAS));
            Optional<String> index = aliases.result().keySet().stream().findFirst();
            if (index.isEmpty()) {
                return Optional.empty();
            }
            long count = client.count(c -> c.index(CatalogKeys.ALIAS)).count();
            return Optional.of(new GenerationInfo(CatalogKeys.generationOfIndex(index.get()), count));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (IOException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static SearchRequest.Builder newestFirst(int n, List<Query> filters) {
        SearchRequest.Builder request = new SearchRequest.Builder().index(CatalogKeys.ALIAS).size(n)
                .sort(s -> s.field(f -> f.field(ShoeFields.DATE_UPDATED).order(SortOrder.Desc)))
                .sort(s -> s.field(f -> f.field(ShoeFields.ID).order(SortOrder.Desc)))
                .trackTotalHits(t -> t.enabled(false));
        if (!filters.isEmpty()) {
            request.query(q -> q.bool(b -> b.filter(filters)));
        }
        return request;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    @SuppressWarnings("unchecked")
    private SearchResponse<Map> search(SearchRequest.Builder request) {
        try {
            return client.search(request.build(), SOURCE);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                throw new StoreUnavailableException(StoreName.ELASTICSEARCH,
                        "no catalog loaded in Elasticsearch yet (alias " + CatalogKeys.ALIAS + " does not exist)", e);
            }
            if (e.status() == 400) {
                throw new InvalidCursorException("Elasticsearch refused the request: " + e.error().reason());
            }
            throw unavailable(e);
        } catch (IOException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Shoe> shoes(SearchResponse<Map> response) {
        return response.hits().hits().stream().map(hit -> ShoeSource.fromSource((Map<String, ?>) hit.source())).toList();
    }

    private static String cursor(List<FieldValue> sortValues) {
        String text = "e:" + sortValues.get(0).longValue() + ":" + sortValues.get(1).stringValue();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<FieldValue> searchAfter(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(":", 3);
            if (parts.length != 3 || !parts[0].equals("e")) {
                throw new InvalidCursorException("not a cursor of the elasticsearch store");
            }
            return List.of(FieldValue.of(Long.parseLong(parts[1])), FieldValue.of(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not a cursor of the elasticsearch store");
        }
    }

    private static StoreUnavailableException unavailable(Exception e) {
        String kind = e instanceof ElasticsearchException es ? "status " + es.status() : Failures.kind(e);
        return new StoreUnavailableException(StoreName.ELASTICSEARCH, "Elasticsearch did not answer (" + kind + ")", e);
    }
}
