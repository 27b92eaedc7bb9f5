package dev.shoecatalog.query.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of search results and how to get the next one. */
@Schema(name = "SearchResult")
public record SearchResult(
        @Schema(example = "elasticsearch") String store,
        @Schema(description = "Shoes matching the filters", example = "42") long total,
        List<ShoeView> items,
        @Schema(description = "Pass as cursor for the next page; absent on the last page") String nextCursor) {
}
