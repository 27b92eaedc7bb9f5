package dev.shoecatalog.ingest.write;

import dev.shoecatalog.ingest.config.RedisSettings;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Sends the batches of one task over one connection (a cluster client on a cluster), opened on first
 * use. A transient failure (connection reset, timeout, {@code LOADING}, {@code BUSY}, {@code TRYAGAIN})
 * is retried, batch by batch, with backoff and jitter over a new connection; the writes are idempotent.
 * A refusal (out of memory, wrong type, ACL) fails the task naming the key and Redis's reason.
 */
final class RedisBatchSender implements AutoCloseable {

    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final RedisSettings settings;
    private final long generation;
    private final int maxRetries;
    private AutoCloseable client;

    RedisBatchSender(RedisSettings settings, long generation, int maxRetries) {
        this.settings = settings;
        this.generation = generation;
        this.maxRetries = maxRetries;
    }

    /** Sends a batch until Redis has taken it; an empty one is not sent. */
    void send(RedisBatch batch) {
        if (batch.size() == 0) {
            return;
        }
        Backoff backoff = new Backoff(FIRST_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS);
        for (int attempt = 0; ; attempt++) {
            try {
                write(batch);
                return;
            } catch (JedisConnectionException | JedisClusterOperationException | JedisDataException e) {
                // A cluster client that ran out of redirections or nodes to ask is a passing failure too.
                boolean transientFailure = !(e instanceof JedisDataException data) || RedisErrors.isTransient(data);
                if (!transientFailure || attempt >= maxRetries) {
                    throw transientFailure ? new IllegalStateException("Redis write of generation " + generation
                            + " failed after " + (attempt + 1) + " attempts: " + e.getMessage(), e) : e;
                }
                close();
                backoff.sleep();
            }
        }
    }

    private void write(RedisBatch batch) {
        if (client == null) {
            client = settings.cluster() ? settings.client() : settings.connect();
        }
        if (client instanceof JedisCluster cluster) {
            batch.writeWhileLoading(cluster);
        } else {
            batch.writeWhileLoading((Jedis) client);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            try {
                client.close();
            } catch (Exception alreadyBroken) {
                // The connection failed; nothing to release.
            } finally {
                client = null;
            }
        }
    }
}
