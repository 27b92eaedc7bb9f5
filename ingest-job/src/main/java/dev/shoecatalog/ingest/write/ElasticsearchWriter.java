package dev.shoecatalog.ingest.write;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shoecatalog.ingest.config.ElasticsearchSettings;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeSource;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Writes one partition of products into the index of generation {@code g} with bulk requests cut by
 * document count and by bytes, {@code _id} = product id (a rerun overwrites, never duplicates).
 * Documents are serialized once, so the byte limit is exact.
 */
public final class ElasticsearchWriter implements ForeachPartitionFunction<Row> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchSettings settings;
    private final long generation;
    private final LongAccumulator written;

    public ElasticsearchWriter(ElasticsearchSettings settings, long generation, LongAccumulator written) {
        this.settings = settings;
        this.generation = generation;
        this.written = written;
    }

    @Override
    public void call(Iterator<Row> rows) throws JsonProcessingException {
        ElasticsearchClient client = settings.connect();
        try {
            BulkSender sender = new BulkSender(client, settings.maxRetries());
            String index = CatalogKeys.index(generation);
            List<BulkOperation> batch = new ArrayList<>();
            long batchBytes = 0;
            while (rows.hasNext()) {
                Shoe shoe = ShoeRows.toShoe(rows.next());
                byte[] source = JSON.writeValueAsBytes(ShoeSource.toSource(shoe));
                BinaryData document = BinaryData.of(source, ContentType.APPLICATION_JSON);
                batch.add(BulkOperation.of(op -> op.index(i -> i.index(index).id(shoe.id()).document(document))));
                batchBytes += source.length;
                if (batch.size() >= settings.bulkActions() || batchBytes >= settings.bulkBytes()) {
                    flush(sender, batch);
                    batchBytes = 0;
                }
            }
            flush(sender, batch);
        } finally {
            ElasticsearchSettings.close(client);
        }
    }

    private void flush(BulkSender sender, List<BulkOperation> batch) {
        if (batch.isEmpty()) {
            return;
        }
        sender.send(List.copyOf(batch));
        written.add(batch.size());
        batch.clear();
    }
}
