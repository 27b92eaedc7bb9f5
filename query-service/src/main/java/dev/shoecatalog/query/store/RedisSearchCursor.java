package dev.shoecatalog.query.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.shoecatalog.model.Shoe;

/**
 * Where a Redis search page ended: the last dateUpdated served and the ids already served at exactly
 * that time, and the total of the first page. RediSearch sorts by one field only, so ties come back in no fixed order; the next page
 * asks for everything up to that time again and drops the ids already served, which gives complete
 * pages without duplicates whatever the order among ties.
 */
record RedisSearchCursor(long total, long until, Set<String> servedAtUntil) {

    private static final String PREFIX = "r1:";

    static RedisSearchCursor after(long total, List<Shoe> page, RedisSearchCursor previous) {
        long last = page.get(page.size() - 1).dateUpdated().toEpochMilli();
        Set<String> served = new LinkedHashSet<>();
        if (previous != null && previous.until() == last) {
            served.addAll(previous.servedAtUntil());
        }
        page.stream().filter(shoe -> shoe.dateUpdated().toEpochMilli() == last).forEach(shoe -> served.add(shoe.id()));
        return new RedisSearchCursor(total, last, served);
    }

    String encode() {
        String text = PREFIX + total + ":" + until + ":" + String.join("\n", servedAtUntil);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static RedisSearchCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new InvalidCursorException("not a cursor of the redis store");
            }
            String[] parts = text.substring(PREFIX.length()).split(":", 3);
            long total = Long.parseLong(parts[0]);
            long until = Long.parseLong(parts[1]);
            String ids = parts[2];
            return new RedisSearchCursor(total, until, ids.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(ids.split("\n"))));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidCursorException("not a cursor of the redis store");
        }
    }
}
