package dev.shoecatalog.ingest.write;

import java.io.IOException;
import java.util.Iterator;

import dev.shoecatalog.ingest.config.ElasticsearchSettings;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeSource;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.elasticsearch.client.RestClient;

/**
 * Writes one partition of products into the index of generation {@code g} with bulk requests cut by
 * document count and by bytes, {@code _id} = product id (a rerun overwrites, never duplicates).
 * Documents are serialized once, so the byte limit is exact.
 */
public final class ElasticsearchWriter implements ForeachPartitionFunction<Row> {

    private final ElasticsearchSettings settings;
    private final long generation;
    private final LongAccumulator written;

    public ElasticsearchWriter(ElasticsearchSettings settings, long generation, LongAccumulator written) {
        this.settings = settings;
        this.generation = generation;
        this.written = written;
    }

    @Override
    public void call(Iterator<Row> rows) throws IOException {
        try (RestClient client = settings.restClient()) {
            BulkSender sender = new BulkSender(client, settings.maxRetries());
            String index = CatalogKeys.index(generation);
            BulkBody batch = new BulkBody(index);
            while (rows.hasNext()) {
                Shoe shoe = ShoeRows.toShoe(rows.next());
                batch.add(shoe.id(), ShoeSource.toSource(shoe));
                if (batch.size() >= settings.bulkActions() || batch.bytes() >= settings.bulkBytes()) {
                    flush(sender, batch);
                    batch = new BulkBody(index);
                }
            }
            flush(sender, batch);
        }
    }

    private void flush(BulkSender sender, BulkBody batch) {
        if (batch.isEmpty()) {
            return;
        }
        sender.send(batch);
        written.add(batch.size());
    }
}
