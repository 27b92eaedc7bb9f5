package dev.shoecatalog.query.rest;

import java.util.List;
import java.util.Optional;

import dev.shoecatalog.model.ShoeJson;
import dev.shoecatalog.query.store.StoredShoe;
import dev.shoecatalog.query.store.StoreName;

/**
 * Writes the answers' JSON from stored shoes by copying their values out ({@link ShoeJson}), with no
 * object built and nothing parsed: the shapes are those of {@link ShoeList}, {@link SearchResult},
 * {@link ShoeView} and {@link LegacyShoe}, which document them in the OpenAPI description.
 */
final class AnswerBodies {

    /** Most shoes are about 500 bytes in the answer. */
    private static final int BYTES_PER_SHOE = 600;

    private AnswerBodies() {
    }

    /** {@code {"store":..,"count":..,"items":[..]}} */
    static String list(StoreName store, List<StoredShoe> shoes) {
        StringBuilder out = new StringBuilder(64 + BYTES_PER_SHOE * shoes.size());
        out.append("{\"store\":\"").append(store.path()).append("\",\"count\":").append(shoes.size()).append(",\"items\":");
        return items(out, shoes).append('}').toString();
    }

    /** {@code {"store":..,"total":..,"items":[..],"nextCursor":..}} */
    static String searchPage(StoreName store, long total, List<StoredShoe> shoes, Optional<String> nextCursor) {
        StringBuilder out = new StringBuilder(128 + BYTES_PER_SHOE * shoes.size());
        out.append("{\"store\":\"").append(store.path()).append("\",\"total\":").append(total).append(",\"items\":");
        items(out, shoes).append(",\"nextCursor\":");
        return ShoeJson.appendString(out, nextCursor.orElse(null)).append('}').toString();
    }

    static String shoe(StoredShoe shoe) {
        return ShoeJson.appendObject(shoe.json(), new StringBuilder(BYTES_PER_SHOE)).toString();
    }

    /** The replaced system's answer: {@code [{"name":..,"colors":"a,b","dateUpdated":..},..]} */
    static String legacyList(List<StoredShoe> shoes) {
        StringBuilder out = new StringBuilder(2 + 200 * shoes.size()).append('[');
        for (int i = 0; i < shoes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            ShoeJson.appendLegacyObject(shoes.get(i).json(), out);
        }
        return out.append(']').toString();
    }

    private static StringBuilder items(StringBuilder out, List<StoredShoe> shoes) {
        out.append('[');
        for (int i = 0; i < shoes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            ShoeJson.appendObject(shoes.get(i).json(), out);
        }
        return out.append(']');
    }
}
