package dev.shoecatalog.ingest.swap;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.shoecatalog.ingest.config.RedisSettings;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What versions before the compact layout left in Redis: control keys without a hash tag
 * ({@code shoes:current}, {@code shoes:registry}, ...) and, per generation, a hash per document
 * ({@code shoes:<g>:doc:<id>}) named by its {@code shoes:<g>:latest} sorted set. Readers of this version
 * do not read them; the first load of this version removes them once its own generation serves, so an
 * upgrade frees that memory without anyone deleting keys by hand. Their numbers count for the sequence,
 * so no new generation reuses one of theirs.
 */
final class EarlierLayout {

    private static final String CURRENT = "shoes:current";
    private static final String REGISTRY = "shoes:registry";
    /** The registry of the versions before that one: a set of numbers. */
    private static final String GENERATIONS = "shoes:generations";
    private static final List<String> CONTROL = List.of(CURRENT, REGISTRY, GENERATIONS, "shoes:sequence", "shoes:lock");
    private static final int UNLINK_BATCH = 1000;

    private final RedisSettings settings;

    EarlierLayout(RedisSettings settings) {
        this.settings = settings;
    }

    /**
     * The generations the earlier layout holds: none when it holds none, or when this user may not read
     * its keys (a user made for this layout only, which then has nothing of the earlier one to remove).
     */
    Set<Long> generations() {
        if (settings.cluster()) {
            return Set.of(); // the earlier layout ran on a standalone server only
        }
        try (UnifiedJedis jedis = settings.client()) {
            Set<Long> generations = new TreeSet<>();
            jedis.hkeys(REGISTRY).forEach(g -> generations.add(Long.parseLong(g)));
            jedis.smembers(GENERATIONS).forEach(g -> generations.add(Long.parseLong(g)));
            String current = jedis.get(CURRENT);
            if (current != null) {
                generations.add(Long.parseLong(current));
            }
            return generations;
        } catch (JedisAccessControlException notThisUsersKeys) {
            return Set.of();
        }
    }

    /**
     * Removes every generation of the earlier layout and its control keys: the documents named by each
     * {@code latest} set and the color sets named by its set of color keys, {@value #UNLINK_BATCH} keys per
     * {@code UNLINK}; a generation of the oldest registry, which kept no set of color keys, by a
     * {@code SCAN} of its own prefix (once, at the upgrade). Returns whether there was anything to remove.
     */
    boolean remove(RedisSearchIndexes search) {
        Set<Long> generations = generations();
        if (generations.isEmpty()) {
            return false;
        }
        try (UnifiedJedis jedis = settings.client()) {
            Set<String> oldest = jedis.smembers(GENERATIONS);
            for (long g : generations) {
                search.drop(g);
                String prefix = "shoes:" + g + ":";
                String latest = prefix + "latest";
                for (long start = 0; ; start += UNLINK_BATCH) {
                    List<String> ids = jedis.zrange(latest, start, start + UNLINK_BATCH - 1);
                    if (ids.isEmpty()) {
                        break;
                    }
                    jedis.unlink(ids.stream().map(id -> prefix + "doc:" + id).toArray(String[]::new));
                }
                RedisGenerations.unlinkMembers(jedis, prefix + "colors", member -> prefix + "color:" + member);
                jedis.unlink(latest, prefix + "colors", prefix + "meta");
                if (oldest.contains(Long.toString(g))) {
                    unlinkByScan(jedis, prefix);
                }
                jedis.hdel(REGISTRY, Long.toString(g));
                jedis.srem(GENERATIONS, Long.toString(g));
            }
            jedis.unlink(CONTROL.toArray(String[]::new));
        }
        return true;
    }

    private static void unlinkByScan(UnifiedJedis jedis, String prefix) {
        ScanParams params = new ScanParams().match(prefix + "*").count(UNLINK_BATCH);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                jedis.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
}
