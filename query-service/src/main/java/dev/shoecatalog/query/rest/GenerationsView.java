package dev.shoecatalog.query.rest;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The generation each store serves, or why it serves none. */
@Schema(name = "Generations")
public record GenerationsView(Map<String, StoreGeneration> stores) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StoreGeneration")
    public record StoreGeneration(
            @Schema(example = "true") boolean available,
            @Schema(example = "7") Long generation,
            @Schema(example = "2824") Long products,
            @Schema(description = "When the load of this generation finished", example = "2026-11-26T03:04:05.678Z") java.time.Instant loadedAt,
            @Schema(example = "Redis did not answer: Connection refused") String problem) {
    }
}
