package dev.shoecatalog.ingest.write;

import java.util.Iterator;

import dev.shoecatalog.ingest.config.RedisSettings;
import org.apache.spark.api.java.function.VoidFunction;
import scala.Tuple2;

/**
 * Writes one partition of color keys and their newest ranks ({@link dev.shoecatalog.ingest.normalize.ColorRanks})
 * into generation {@code g}, {@code batchSize} keys per round trip, in transactions watched on the
 * registry as {@link RedisWriter}'s.
 */
public final class RedisColorWriter implements VoidFunction<Iterator<Tuple2<String, long[]>>> {

    private final RedisSettings settings;
    private final RedisLayout layout;
    private final int maxRetries;

    public RedisColorWriter(RedisSettings settings, RedisLayout layout, int maxRetries) {
        this.settings = settings;
        this.layout = layout;
        this.maxRetries = maxRetries;
    }

    @Override
    public void call(Iterator<Tuple2<String, long[]>> colors) {
        try (RedisBatchSender sender = new RedisBatchSender(settings, layout.generation(), maxRetries)) {
            RedisBatch batch = new RedisBatch(layout);
            while (colors.hasNext()) {
                Tuple2<String, long[]> color = colors.next();
                batch.addColor(color._1(), color._2());
                if (batch.size() == settings.batchSize()) {
                    sender.send(batch);
                    batch = new RedisBatch(layout);
                }
            }
            sender.send(batch);
        }
    }
}
