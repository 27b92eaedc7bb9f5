package dev.shoecatalog.ingest.write;

import java.util.Iterator;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.ShoeFields;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Writes one partition of products into generation {@code g}, {@code batchSize} products per round
 * trip ({@link RedisBatch}). Each batch is one transaction that applies only while the registry still
 * records g as loading ({@code WATCH} of the registry): once a run abandons g, or a newer run takes the
 * catalog over and abandons it, a task still running stops at its next batch and adds no key to g.
 * Failures are retried or reported as {@link RedisBatchSender} says.
 */
public final class RedisWriter implements ForeachPartitionFunction<Row> {

    private final RedisSettings settings;
    private final RedisLayout layout;
    private final int maxRetries;
    private final LongAccumulator written;

    public RedisWriter(RedisSettings settings, RedisLayout layout, int maxRetries, LongAccumulator written) {
        this.settings = settings;
        this.layout = layout;
        this.maxRetries = maxRetries;
        this.written = written;
    }

    @Override
    public void call(Iterator<Row> rows) {
        try (RedisBatchSender sender = new RedisBatchSender(settings, layout.generation(), maxRetries)) {
            RedisBatch batch = new RedisBatch(layout);
            while (rows.hasNext()) {
                Row row = rows.next();
                batch.add(ShoeRows.toShoe(row), row.<Long>getAs(ShoeFields.LATEST_RANK));
                if (batch.size() == settings.batchSize()) {
                    send(sender, batch);
                    batch = new RedisBatch(layout);
                }
            }
            send(sender, batch);
        }
    }

    private void send(RedisBatchSender sender, RedisBatch batch) {
        sender.send(batch);
        written.add(batch.size());
    }
}
