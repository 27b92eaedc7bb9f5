package dev.shoecatalog.query.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Where a search page ended, for the next one: opaque to clients (base64url), versioned, a few
 * hundred bytes at most, and checked field by field. It pins the generation the first page came from
 * (later pages read that generation, kept after a reload for this) and the search it belongs to.
 *
 * @param store       the store that wrote it
 * @param generation  the generation of the first page
 * @param total       the first page's total, repeated on every page
 * @param search      {@link SearchQuery#fingerprint()} of the search
 * @param position    the store's position after the last shoe served: Redis, how many matches were served;
 *                    Elasticsearch, {@code <dateUpdated millis>:<id>} for {@code search_after}
 */
public record SearchCursor(StoreName store, long generation, long total, String search, String position) {

    private static final String VERSION = "c1";
    /** The longest encoded cursor: an Elasticsearch position holds an id of up to 512 bytes. */
    public static final int MAX_LENGTH = 1024;
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");

    public String encode() {
        String text = String.join("|", VERSION, store.path(), Long.toString(generation), Long.toString(total), search, position);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((text + "|" + checksum(text)).getBytes(StandardCharsets.UTF_8));
    }

    /** Catches a cursor damaged in transit or by hand (it is no signature: a forged one still reads at most n). */
    private static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /** The cursor, if it is one this store wrote for this very search; otherwise {@link InvalidCursorException}. */
    public static SearchCursor decode(String cursor, StoreName store, String search) {
        if (cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException("longer than any cursor this service writes");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursorException("not a cursor of this service");
        }
        int lastBar = text.lastIndexOf('|');
        if (lastBar < 0 || !text.substring(lastBar + 1).equals(checksum(text.substring(0, lastBar)))) {
            throw new InvalidCursorException("not a cursor of this service, or damaged");
        }
        String[] parts = text.substring(0, lastBar).split("\\|", 6);
        if (parts.length != 6 || !parts[0].equals(VERSION) || !NUMBER.matcher(parts[2]).matches()
                || !NUMBER.matcher(parts[3]).matches() || !FINGERPRINT.matcher(parts[4]).matches()) {
            throw new InvalidCursorException("not a cursor of this service");
        }
        if (!parts[1].equals(store.path())) {
            throw new InvalidCursorException("a cursor of the " + parts[1] + " store, not of " + store.path());
        }
        if (!parts[4].equals(search)) {
            throw new InvalidCursorException("a cursor of another search: keep q, brand, color and prices as on the first page");
        }
        return new SearchCursor(store, Long.parseLong(parts[2]), Long.parseLong(parts[3]), parts[4], parts[5]);
    }

    /** The Redis position: how many matches the pages before served. */
    long offset() {
        if (!NUMBER.matcher(position).matches()) {
            throw new InvalidCursorException("not a cursor of this service");
        }
        return Long.parseLong(position);
    }
}
