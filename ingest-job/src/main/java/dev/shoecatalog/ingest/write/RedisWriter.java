package dev.shoecatalog.ingest.write;

import java.util.Iterator;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.ShoeFields;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Writes one partition of products into generation {@code g}, {@code batchSize} products per round
 * trip ({@link RedisBatch}). Each batch is one transaction that applies only while the registry still
 * records g as loading ({@code WATCH} of the registry): once a run abandons g, or a newer run takes the
 * catalog over and abandons it, a task still running stops at its next batch and adds no key to g.
 * A transient failure (connection reset, timeout, {@code LOADING}, {@code BUSY}, {@code TRYAGAIN}) is
 * retried, batch by batch, with backoff and jitter over a new connection; the writes are idempotent.
 * A refusal (out of memory, wrong type, ACL) fails the task naming the key and Redis's reason.
 */
public final class RedisWriter implements ForeachPartitionFunction<Row> {

    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

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
        Connection connection = new Connection();
        try {
            RedisBatch batch = new RedisBatch(layout);
            while (rows.hasNext()) {
                Row row = rows.next();
                batch.add(ShoeRows.toShoe(row), row.<Long>getAs(ShoeFields.LATEST_RANK));
                if (batch.size() == settings.batchSize()) {
                    write(connection, batch);
                    batch = new RedisBatch(layout);
                }
            }
            write(connection, batch);
        } finally {
            connection.close();
        }
    }

    private void write(Connection connection, RedisBatch batch) {
        if (batch.size() == 0) {
            return;
        }
        Backoff backoff = new Backoff(FIRST_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS);
        for (int attempt = 0; ; attempt++) {
            try {
                connection.write(batch);
                written.add(batch.size());
                return;
            } catch (JedisConnectionException | JedisClusterOperationException | JedisDataException e) {
                // A cluster client that ran out of redirections or nodes to ask is a passing failure too.
                boolean transientFailure = !(e instanceof JedisDataException data) || RedisErrors.isTransient(data);
                if (!transientFailure || attempt >= maxRetries) {
                    throw transientFailure ? new IllegalStateException("Redis write of generation " + layout.generation()
                            + " failed after " + (attempt + 1) + " attempts: " + e.getMessage(), e) : e;
                }
                connection.reset();
                backoff.sleep();
            }
        }
    }

    /** One connection (a cluster client on a cluster), opened on first use and replaced after a connection failure. */
    private final class Connection {
        private AutoCloseable client;

        void write(RedisBatch batch) {
            if (client == null) {
                client = settings.cluster() ? settings.client() : settings.connect();
            }
            if (client instanceof JedisCluster cluster) {
                batch.writeWhileLoading(cluster);
            } else {
                batch.writeWhileLoading((Jedis) client);
            }
        }

        void reset() {
            close();
            client = null;
        }

        void close() {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception alreadyBroken) {
                    // The connection failed; nothing to release.
                }
            }
        }
    }
}
