package dev.shoecatalog.ingest.swap;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.model.CatalogKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * One load at a time per catalog: {@code SET shoes:lock <holder> NX PX <ttl>}, renewed by the driver
 * every third of the time to live while it runs, and deleted at the end only by its holder. A driver
 * that dies frees the catalog when its lease expires. Readers are switched only by a script that
 * checks the lease first ({@link RedisGenerations#switchTo}), so a run that lost its lease cannot switch
 * Redis; and a run stops before its switches when the lease was not confirmed within half its time to
 * live ({@link #confirm}), which keeps a driver that stalled (a long GC, a paused node) from moving
 * Elasticsearch readers of a run that took the catalog over.
 */
public final class CatalogLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogLease.class);
    private static final String RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then"
            + " return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then"
            + " return redis.call('DEL', KEYS[1]) else return 0 end";

    private final RedisSettings redis;
    private final String holder;
    private final String runId;
    private final Duration ttl;
    private volatile long confirmedAtNanos = System.nanoTime();
    private final ScheduledExecutorService renewer;
    private final AtomicReference<String> lost = new AtomicReference<>();

    private CatalogLease(RedisSettings redis, String runId, String holder, Duration ttl) {
        this.redis = redis;
        this.runId = runId;
        this.holder = holder;
        this.ttl = ttl;
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "catalog-lease");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes the lease or fails with {@link LoadInProgressException} naming its holder, having written nothing else. */
    public static CatalogLease acquire(RedisSettings redis, Duration ttl) {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String holder = "run " + runId + " started " + Instant.now();
        try (UnifiedJedis jedis = redis.client()) {
            if (jedis.set(CatalogKeys.LOCK, holder, SetParams.setParams().nx().px(ttl.toMillis())) == null) {
                String other = jedis.get(CatalogKeys.LOCK);
                long remaining = jedis.pttl(CatalogKeys.LOCK);
                throw new LoadInProgressException("another load is running on this catalog: " + other
                        + " (its lease expires in " + Math.max(0, remaining / 1000) + " s unless it is renewed)");
            }
        }
        CatalogLease lease = new CatalogLease(redis, runId, holder, ttl);
        long period = Math.max(1, ttl.toMillis() / 3);
        lease.renewer.scheduleAtFixedRate(lease::renew, period, period, TimeUnit.MILLISECONDS);
        LOG.info("Lease {} taken: {}", CatalogKeys.LOCK, holder);
        return lease;
    }

    /** The value of {@code shoes:lock} while this run holds it. */
    public String holder() {
        return holder;
    }

    /** This run's id, as in {@link #holder} and in the registry's records. */
    public String runId() {
        return runId;
    }

    /**
     * Fails when the lease was lost (it expired and may belong to another run now), or when no renewal
     * confirmed it within half its time to live: past that, another run may hold it before this one
     * acts, so the run must stop rather than find out.
     */
    public void checkHeld() {
        String reason = lost.get();
        if (reason != null) {
            throw new LeaseLostException("this run lost its lease on the catalog (" + reason + "); another run may be loading");
        }
        long sinceConfirmed = System.nanoTime() - confirmedAtNanos;
        if (sinceConfirmed > ttl.toNanos() / 2) {
            throw new LeaseLostException("this run could not confirm its lease on the catalog for "
                    + Duration.ofNanos(sinceConfirmed).toMillis() + " ms (more than half its " + ttl.toSeconds()
                    + " s); another run may take it over");
        }
    }

    /** Renews the lease now and then {@link #checkHeld}: the last step before a switch. */
    public void confirm() {
        renew();
        checkHeld();
    }

    private synchronized void renew() {
        if (lost.get() != null) {
            return;
        }
        long started = System.nanoTime();
        try (UnifiedJedis jedis = redis.client()) {
            Object renewed = jedis.eval(RENEW, List.of(CatalogKeys.LOCK), List.of(holder, Long.toString(ttl.toMillis())));
            if (Long.valueOf(1).equals(renewed)) {
                confirmedAtNanos = started; // the lease runs from before the request, not from its answer
            } else {
                lost.compareAndSet(null, CatalogKeys.LOCK + " no longer holds this run's id");
                renewer.shutdown();
            }
        } catch (RuntimeException e) {
            // A passing outage: the next renewal may still come in time; checkHeld says when it did not.
            LOG.warn("Could not renew the lease ({})", e.getMessage());
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try (UnifiedJedis jedis = redis.client()) {
            jedis.eval(RELEASE, List.of(CatalogKeys.LOCK), List.of(holder));
        } catch (RuntimeException e) {
            LOG.warn("Could not release the lease; it expires within {} s ({})", ttl.toSeconds(), e.getMessage());
        }
    }
}
