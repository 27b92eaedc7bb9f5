package dev.shoecatalog.query.rest;

import java.time.Instant;
import java.util.List;

import dev.shoecatalog.model.Shoe;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shoe as the API returns it. */
@Schema(name = "Shoe", description = "One shoe product, merged from all its price observations.")
public record ShoeView(
        @Schema(description = "Product id: the export's id, else a stable hash of brand and name", example = "AVpfEf_hLJeJML431ueH") String id,
        @Schema(example = "Skechers Women's Go Walk Slip-On") String name,
        @Schema(example = "Skechers") String brand,
        @Schema(example = "Skechers") String manufacturer,
        @Schema(example = "[\"Shoes\", \"Womens Shoes\"]") List<String> categories,
        @Schema(description = "Colors as written in the data", example = "[\"Black/Red\", \"Dark Wine Red\"]") List<String> colors,
        @Schema(description = "What color filters match: values and their words, normalized", example = "[\"black\", \"black/red\", \"red\"]") List<String> colorKeys,
        @Schema(description = "Earliest dateAdded, UTC", example = "2017-06-01T10:00:00.500Z") Instant dateAdded,
        @Schema(description = "Latest dateUpdated, UTC; \"latest\" sorts by it", example = "2019-05-01T09:27:22Z") Instant dateUpdated,
        @Schema(example = "29.95") Double priceMin,
        @Schema(example = "49.99") Double priceMax,
        @Schema(example = "USD") String currency,
        @Schema(example = "[\"7\", \"7.5\", \"8\"]") List<String> sizes,
        String imageUrl,
        String sourceUrl) {

    static ShoeView of(Shoe shoe) {
        return new ShoeView(shoe.id(), shoe.name(), shoe.brand(), shoe.manufacturer(), shoe.categories(), shoe.colors(),
                shoe.colorKeys(), shoe.dateAdded(), shoe.dateUpdated(), shoe.priceMin(), shoe.priceMax(), shoe.currency(),
                shoe.sizes(), shoe.imageUrl(), shoe.sourceUrl());
    }

    static List<ShoeView> of(List<Shoe> shoes) {
        return shoes.stream().map(ShoeView::of).toList();
    }
}
