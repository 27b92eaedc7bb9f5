package dev.shoecatalog.query.rest;

import java.util.List;

import dev.shoecatalog.model.Shoe;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shoe in the old system's answer shape. */
@Schema(name = "LegacyShoe", description = "Item of the compatibility endpoints, as the replaced system answered")
public record LegacyShoe(
        @Schema(example = "Skechers Women's Go Walk Slip-On") String name,
        @Schema(description = "Colors as written, comma-separated", example = "Black,Dark Wine Red") String colors,
        @Schema(description = "Latest update, UTC, full precision (the old system cut it to the day)",
                example = "2019-05-01T09:27:22Z") String dateUpdated) {

    static List<LegacyShoe> of(List<Shoe> shoes) {
        return shoes.stream().map(s -> new LegacyShoe(s.name(), String.join(",", s.colors()), s.dateUpdated().toString())).toList();
    }
}
