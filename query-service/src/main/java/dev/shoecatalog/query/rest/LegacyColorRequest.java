package dev.shoecatalog.query.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of the old {@code .../latest/color} endpoints. */
@Schema(name = "LegacyColorRequest")
public record LegacyColorRequest(@Schema(example = "5") Integer n, @Schema(example = "red") String color) {
}
