package dev.shoecatalog.query.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import dev.shoecatalog.model.SearchWords;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.model.ShoeSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads Elasticsearch through the {@code shoes} alias: {@code term} filters (never a query string),
 * sorted by dateUpdated desc then id desc, {@code search_after} for cursors. "Latest" goes through
 * {@link ElasticsearchLatest}, the rest through the typed client.
 */
@ApplicationScoped
public class ElasticsearchShoeStore implements ShoeStore {

    @SuppressWarnings("rawtypes")
    private static final Class<Map> SOURCE = Map.class;

    private final ElasticsearchClient client;
    private final ElasticsearchLatest latest;

    ElasticsearchShoeStore(ElasticsearchClient client, ElasticsearchLatest latest) {
        this.client = client;
        this.latest = latest;
    }

    @Override
    public Uni<List<StoredShoe>> latest(int n, Optional<String> colorKey) {
        return latest.latest(n, colorKey).map(shoes -> shoes.stream().map(StoredShoe::of).toList());
    }

    @Override
    public Optional<StoredShoe> byId(String id) {
        List<Shoe> found = shoes(search(newestFirst(1, List.of(Query.of(q -> q.ids(i -> i.values(id)))))));
        return found.stream().findFirst().map(StoredShoe::of);
    }

    /**
     * One page through the alias; later pages read the index of the first page's generation with
     * {@code search_after}. Asks for {@code n + 1} hits, to know whether another page follows.
     */
    @Override
    public SearchPage search(SearchQuery query) {
        String search = query.fingerprint();
        SearchCursor cursor = query.cursor().map(text -> SearchCursor.decode(text, StoreName.ELASTICSEARCH, search)).orElse(null);
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
        if (query.text().isPresent()) {
            String words = SearchWords.joined(query.text().get());
            if (words.isEmpty()) {
                return new SearchPage(List.of(), 0, Optional.empty());
            }
            must.add(Query.of(q -> q.match(m -> m.field(ShoeFields.NAME_WORDS).query(words).operator(Operator.And))));
        }
        // Index names add up in the request builder: choose the one index once.
        String index = cursor == null ? CatalogKeys.ALIAS : CatalogKeys.index(cursor.generation());
        SearchRequest.Builder request = newestFirst(index, query.n() + 1, filters);
        if (!must.isEmpty()) {
            request.query(q -> q.bool(b -> b.filter(filters).must(must)));
        }
        if (cursor != null) {
            request.searchAfter(searchAfter(cursor.position()));
        } else {
            request.trackTotalHits(t -> t.enabled(true));
        }
        SearchResponse<Map> response = search(request, cursor);
        List<Hit<Map>> hits = response.hits().hits();
        List<Hit<Map>> page = hits.subList(0, Math.min(query.n(), hits.size()));
        List<StoredShoe> shoes = page.stream().map(ElasticsearchShoeStore::shoe).map(StoredShoe::of).toList();
        long total = cursor != null ? cursor.total() : response.hits().total() == null ? shoes.size() : response.hits().total().value();
        Optional<String> next = Optional.empty();
        if (hits.size() > query.n()) {
            Hit<Map> last = page.get(page.size() - 1);
            long g = cursor != null ? cursor.generation() : CatalogKeys.generationOfIndex(last.index());
            next = Optional.of(new SearchCursor(StoreName.ELASTICSEARCH, g, total, search, position(last.sort())).encode());
        }
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
            return Optional.of(new GenerationInfo(CatalogKeys.generationOfIndex(index.get()), count, loadedAt(index.get())));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw ElasticsearchFailures.unavailable(e.status(), e);
        } catch (IOException | RuntimeException e) {
            throw ElasticsearchFailures.noAnswer(e);
        }
    }

    /** The {@code loadedAt} the job put in the index's mapping {@code _meta}. */
    private Optional<java.time.Instant> loadedAt(String index) throws IOException {
        var mapping = client.indices().getMapping(m -> m.index(index)).result().get(index);
        var loadedAt = mapping == null ? null : mapping.mappings().meta().get(CatalogKeys.LOADED_AT);
        try {
            return loadedAt == null ? Optional.empty() : Optional.of(java.time.Instant.parse(loadedAt.to(String.class)));
        } catch (java.time.format.DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    private static SearchRequest.Builder newestFirst(int n, List<Query> filters) {
        return newestFirst(CatalogKeys.ALIAS, n, filters);
    }

    private static SearchRequest.Builder newestFirst(String index, int n, List<Query> filters) {
        SearchRequest.Builder request = new SearchRequest.Builder().index(index).size(n)
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

    private SearchResponse<Map> search(SearchRequest.Builder request) {
        return search(request, null);
    }

    /** A failed search answers as {@link ElasticsearchFailures} says. */
    @SuppressWarnings("unchecked")
    private SearchResponse<Map> search(SearchRequest.Builder request, SearchCursor cursor) {
        try {
            return client.search(request.build(), SOURCE);
        } catch (IOException | RuntimeException e) {
            throw refused(e, cursor);
        }
    }

    private static RuntimeException refused(Throwable failure, SearchCursor cursor) {
        return failure instanceof ElasticsearchException e
                ? ElasticsearchFailures.searchAnswered(e.status(), () -> e.error().type(), cursor, e)
                : ElasticsearchFailures.noAnswer(failure);
    }

    private static List<Shoe> shoes(SearchResponse<Map> response) {
        return response.hits().hits().stream().map(ElasticsearchShoeStore::shoe).toList();
    }

    @SuppressWarnings("unchecked")
    private static Shoe shoe(Hit<Map> hit) {
        return ShoeSource.fromSource((Map<String, ?>) hit.source());
    }

    private static String position(List<FieldValue> sortValues) {
        return sortValues.get(0).longValue() + ":" + sortValues.get(1).stringValue();
    }

    private static List<FieldValue> searchAfter(String position) {
        String[] parts = position.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("-?[0-9]{1,18}") || parts[1].isEmpty()
                || parts[1].getBytes(StandardCharsets.UTF_8).length > 512) {
            throw new InvalidCursorException("not a cursor of this service");
        }
        return List.of(FieldValue.of(Long.parseLong(parts[0])), FieldValue.of(parts[1]));
    }

}
