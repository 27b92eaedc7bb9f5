package dev.shoecatalog.query.rest;

import dev.shoecatalog.query.service.CatalogService;
import dev.shoecatalog.query.store.SearchPage;
import dev.shoecatalog.query.store.StoreName;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The shoe API, the same for both stores. Speaks HTTP only; {@link CatalogService} does the rest.
 * "Latest" returns a {@link Uni}: it runs on the event loop, the other endpoints on worker threads.
 */
@Path("/v1/{store}/shoes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shoes", description = "Latest shoes, by color, and filtered search, from Redis or Elasticsearch")
@APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "The store refused a request of the service (a fault of the service)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The store is down, timed out, busy (with Retry-After), or holds no catalog yet",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ShoeResource {

    private final CatalogService catalog;

    ShoeResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/latest")
    @Operation(summary = "Latest shoes", description = "The n most recently updated shoes (dateUpdated desc, then id desc),"
            + " optionally of a color. A color matches a shoe's color values (\"dark wine red\") and their words (\"red\"),"
            + " case-insensitively: red finds \"Dark Wine Red\" and \"Black/Red\", not \"Tired\".")
    @APIResponse(responseCode = "200", description = "Newest first; fewer than n when fewer match",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShoeList.class)))
    public Uni<String> latest(
            @Parameter(description = "redis or elasticsearch", example = "redis", schema = @Schema(enumeration = {"redis", "elasticsearch"}))
            @PathParam("store") String store,
            @Parameter(description = "How many shoes (1 to the configured maximum, 100 by default)", example = "10",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10", minimum = "1"))
            @QueryParam("n") String n,
            @Parameter(description = "A color value or word", example = "red") @QueryParam("color") String color) {
        StoreName name = catalog.store(store);
        return catalog.latest(name, n, color).map(shoes -> AnswerBodies.list(name, shoes));
    }

    @GET
    @Path("/search")
    @Operation(summary = "Search shoes", description = "Shoes matching every given filter, newest first (dateUpdated desc,"
            + " then id desc), a page at a time; both stores give the same shoes in the same order."
            + " q: every word must be a word of the name. A word is a run of letters and digits, case-insensitive;"
            + " anything else separates words (\"women's\" is \"women\" and \"s\"). Words match exactly as written:"
            + " no stemming (\"boots\" does not find \"boot\") and no stop words (\"on\" and \"the\" must be there)."
            + " brand and color match exactly, case-insensitive; minPrice and maxPrice bound the lowest price."
            + " nextCursor continues the same search on the catalog of its first page, with the same total.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "410", description = "The cursor's catalog was replaced twice since its first page: start again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "501", description = "Redis without the search module cannot search",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String search(
            @Parameter(description = "redis or elasticsearch", example = "elasticsearch") @PathParam("store") String store,
            @Parameter(description = "Words of the name, all required", example = "ankle booties") @QueryParam("q") String q,
            @Parameter(description = "Brand, case-insensitive", example = "Skechers") @QueryParam("brand") String brand,
            @Parameter(description = "A color value or word", example = "black") @QueryParam("color") String color,
            @Parameter(description = "Lowest price at least", example = "20", schema = @Schema(type = SchemaType.NUMBER, minimum = "0"))
            @QueryParam("minPrice") String minPrice,
            @Parameter(description = "Lowest price at most", example = "80", schema = @Schema(type = SchemaType.NUMBER, minimum = "0"))
            @QueryParam("maxPrice") String maxPrice,
            @Parameter(description = "Page size", example = "10") @QueryParam("n") String n,
            @Parameter(description = "nextCursor of the previous page, with the same q, brand, color and prices")
            @QueryParam("cursor") String cursor) {
        StoreName name = catalog.store(store);
        SearchPage page = catalog.search(name, q, brand, color, minPrice, maxPrice, n, cursor);
        return AnswerBodies.searchPage(name, page.total(), page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One shoe by id")
    @APIResponse(responseCode = "200", description = "The shoe",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShoeView.class)))
    @APIResponse(responseCode = "404", description = "No shoe with this id in the current catalog",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String byId(
            @Parameter(description = "redis or elasticsearch", example = "redis") @PathParam("store") String store,
            @Parameter(description = "Product id", example = "AVpfEf_hLJeJML431ueH") @PathParam("id") String id) {
        return catalog.byId(catalog.store(store), id).map(AnswerBodies::shoe)
                .orElseThrow(() -> new NotFoundException("no shoe with id '" + id + "' in the current catalog"));
    }
}
