package dev.shoecatalog.query.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shoes newest first; fewer than asked when fewer match. */
@Schema(name = "ShoeList")
public record ShoeList(@Schema(example = "redis") String store, @Schema(example = "2") int count, List<ShoeView> items) {
}
