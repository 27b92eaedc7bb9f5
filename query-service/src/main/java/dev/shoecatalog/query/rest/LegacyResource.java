package dev.shoecatalog.query.rest;

import java.util.List;

import dev.shoecatalog.query.service.BadParameterException;
import dev.shoecatalog.query.service.CatalogService;
import dev.shoecatalog.query.store.StoreName;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The replaced system's endpoints, same bodies and answer items, so its clients keep working. Unlike
 * the old system, fewer matches than n is an answer, not an error. Like "latest" they run on the event
 * loop: the body is read without blocking before the method is called (an oversized one is answered
 * 413), and the stores are called with their non-blocking clients.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compatibility", description = "The old system's endpoints; new clients should use /v1")
@APIResponse(responseCode = "400", description = "n or color is missing or invalid",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The store cannot answer",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LegacyResource {

    private final CatalogService catalog;

    LegacyResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @POST
    @Path("redis_shoes/latest")
    @Operation(summary = "Latest n shoes from Redis (compatibility)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LegacyShoe.class)))
    public Uni<String> redisLatest(@RequestBody(description = "n, a bare JSON integer", content = @Content(example = "5")) Integer n) {
        return latest(StoreName.REDIS, n, null);
    }

    @POST
    @Path("redis_shoes/latest/color")
    @Operation(summary = "Latest n shoes of a color from Redis (compatibility)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LegacyShoe.class)))
    public Uni<String> redisLatestOfColor(LegacyColorRequest request) {
        return latestOfColor(StoreName.REDIS, request);
    }

    @POST
    @Path("elastic_shoes/latest")
    @Operation(summary = "Latest n shoes from Elasticsearch (compatibility)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LegacyShoe.class)))
    public Uni<String> elasticLatest(@RequestBody(description = "n, a bare JSON integer", content = @Content(example = "5")) Integer n) {
        return latest(StoreName.ELASTICSEARCH, n, null);
    }

    @POST
    @Path("elastic_shoes/latest/color")
    @Operation(summary = "Latest n shoes of a color from Elasticsearch (compatibility)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LegacyShoe.class)))
    public Uni<String> elasticLatestOfColor(LegacyColorRequest request) {
        return latestOfColor(StoreName.ELASTICSEARCH, request);
    }

    private Uni<String> latestOfColor(StoreName store, LegacyColorRequest request) {
        if (request == null) {
            throw new BadParameterException("n", "the body must be {\"n\": <count>, \"color\": <color>}");
        }
        if (request.color() == null) {
            throw new BadParameterException("color", "color is required");
        }
        return latest(store, request.n(), request.color());
    }

    private Uni<String> latest(StoreName store, Integer n, String color) {
        if (n == null) {
            throw new BadParameterException("n", "n is required");
        }
        return catalog.latest(store, n.toString(), color).map(AnswerBodies::legacyList);
    }
}
