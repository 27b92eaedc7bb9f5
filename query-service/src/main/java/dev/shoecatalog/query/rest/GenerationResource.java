package dev.shoecatalog.query.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.shoecatalog.query.service.CatalogService;
import dev.shoecatalog.query.store.StoreName;
import dev.shoecatalog.query.store.StoreUnavailableException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which load each store serves. */
@Path("/v1/generations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "What the stores hold")
public class GenerationResource {

    private final CatalogService catalog;

    GenerationResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Current generation per store", description = "The generation each store serves and its product"
            + " count; a store that cannot answer is reported, not an error.")
    public GenerationsView generations() {
        Map<String, GenerationsView.StoreGeneration> stores = new LinkedHashMap<>();
        for (StoreName store : StoreName.values()) {
            stores.put(store.path(), describe(store));
        }
        return new GenerationsView(stores);
    }

    private GenerationsView.StoreGeneration describe(StoreName store) {
        try {
            return catalog.generation(store)
                    .map(g -> new GenerationsView.StoreGeneration(true, g.generation(), g.products(), g.loadedAt().orElse(null), null))
                    .orElse(new GenerationsView.StoreGeneration(true, null, null, null, "no catalog loaded yet"));
        } catch (StoreUnavailableException e) {
            return new GenerationsView.StoreGeneration(false, null, null, null, e.getMessage());
        }
    }
}
