package dev.shoecatalog.ingest.swap;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.SegmentSortOrder;

import static dev.shoecatalog.model.ShoeFields.*;

/**
 * The mapping and settings of a generation's index. Only core Elasticsearch types and analyzers
 * (no {@code scaled_float}, no language analyzers), so that any distribution accepts it. The index is
 * sorted like "latest" ({@code dateUpdated} desc, {@code id} desc), so top-N queries stop early.
 */
final class IndexDefinition {

    static final String BRAND_NORMALIZER = "brand_lowercase";

    private IndexDefinition() {
    }

    static CreateIndexRequest forLoad(String index, int shards) {
        return CreateIndexRequest.of(c -> c
                .index(index)
                .settings(s -> s
                        .numberOfShards(Integer.toString(shards))
                        .numberOfReplicas("0")
                        .refreshInterval(t -> t.time("-1"))
                        .sort(sort -> sort.field(DATE_UPDATED, ID).order(SegmentSortOrder.Desc, SegmentSortOrder.Desc))
                        .analysis(a -> a.normalizer(BRAND_NORMALIZER, n -> n.custom(custom -> custom.filter("lowercase")))))
                .mappings(mapping()));
    }

    static IndexSettings afterLoad(String autoExpandReplicas) {
        return IndexSettings.of(s -> s
                .refreshInterval(t -> t.time("1s"))
                .autoExpandReplicas(autoExpandReplicas));
    }

    private static TypeMapping mapping() {
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties(ID, p -> p.keyword(k -> k))
                .properties(NAME, p -> p.text(t -> t.analyzer("standard")))
                // Already split and lowercased by SearchWords: splitting on spaces keeps both stores' words equal.
                .properties(NAME_WORDS, p -> p.text(t -> t.analyzer("whitespace")))
                .properties(BRAND, p -> p.keyword(k -> k.normalizer(BRAND_NORMALIZER)))
                .properties(BRAND_KEY, p -> p.keyword(k -> k))
                .properties(MANUFACTURER, p -> p.keyword(k -> k))
                .properties(CATEGORIES, p -> p.keyword(k -> k))
                .properties(COLORS, p -> p.keyword(k -> k))
                .properties(COLOR_KEYS, p -> p.keyword(k -> k))
                .properties(DATE_ADDED, p -> p.date(d -> d))
                .properties(DATE_UPDATED, p -> p.date(d -> d))
                .properties(PRICE_MIN, p -> p.double_(d -> d))
                .properties(PRICE_MAX, p -> p.double_(d -> d))
                .properties(CURRENCY, p -> p.keyword(k -> k))
                .properties(SIZES, p -> p.keyword(k -> k))
                .properties(IMAGE_URL, p -> p.keyword(k -> k.index(false)))
                .properties(SOURCE_URL, p -> p.keyword(k -> k.index(false))));
    }
}
