package dev.shoecatalog.query.store;

import java.util.List;
import java.util.Optional;


/** One page of a search and the cursor of the next page, if there may be one. */
public record SearchPage(List<StoredShoe> items, long total, Optional<String> nextCursor) {
}
