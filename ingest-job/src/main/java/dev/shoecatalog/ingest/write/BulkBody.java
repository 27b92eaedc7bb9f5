package dev.shoecatalog.ingest.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The NDJSON body of one bulk request: an {@code index} action and the document per line pair,
 * each pair kept apart so that a retry can resend only the documents the cluster could not take.
 * Written with plain Jackson: the typed client's operation objects cost more than the documents.
 */
final class BulkBody {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final String index;
    private final List<String> ids = new ArrayList<>();
    private final List<byte[]> lines = new ArrayList<>();
    private long bytes;

    BulkBody(String index) {
        this.index = index;
    }

    /** Adds one document; its id is its {@code _id}, so a rerun overwrites it. */
    void add(String id, Object source) {
        ByteArrayOutputStream pair = new ByteArrayOutputStream(512);
        try (JsonGenerator action = FACTORY.createGenerator(pair)) {
            action.writeStartObject();
            action.writeObjectFieldStart("index");
            action.writeStringField("_index", index);
            action.writeStringField("_id", id);
            action.writeEndObject();
            action.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pair.write('\n');
        try {
            JSON.writeValue(pair, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pair.write('\n');
        ids.add(id);
        lines.add(pair.toByteArray());
        bytes += pair.size();
    }

    int size() {
        return ids.size();
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    String index() {
        return index;
    }

    String id(int item) {
        return ids.get(item);
    }

    /** A body of only these items of this one, in this order. */
    BulkBody only(List<Integer> items) {
        BulkBody subset = new BulkBody(index);
        for (int item : items) {
            subset.ids.add(ids.get(item));
            subset.lines.add(lines.get(item));
            subset.bytes += lines.get(item).length;
        }
        return subset;
    }

    byte[] toBytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, bytes));
        lines.forEach(body::writeBytes);
        return body.toByteArray();
    }
}
