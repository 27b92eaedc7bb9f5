package dev.shoecatalog.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "Error answer (RFC 9457)")
public record Problem(
        @Schema(example = "about:blank") String type,
        @Schema(example = "Bad Request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "n must be between 1 and 100, not 1000") String detail,
        @Schema(description = "The request parameter at fault", example = "n") String parameter,
        @Schema(description = "The store that could not answer", example = "redis") String store) {

    static final String MEDIA_TYPE = "application/problem+json";
}
