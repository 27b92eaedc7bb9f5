package dev.shoecatalog.ingest.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shoecatalog.ingest.swap.GenerationRecord;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.model.ShoeHash;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The writes of up to one batch of products, kept until Redis has taken them (so that a retry sends
 * them again): each document hash, one {@code ZADD} per sorted set with every member of the batch
 * for that key (one command per product and key cost Redis more than the members did), and the
 * batch's color keys added to the generation's set of them ({@link CatalogKeys#colorKeys}).
 */
final class RedisBatch {

    private static final ProtocolCommand FT_ADDHASH = () -> SafeEncoder.encode("FT.ADDHASH");
    private static final String LOADING = GenerationRecord.prefix(GenerationRecord.State.LOADING);

    private final long generation;
    private final RedisSearchVersion search;
    private final Map<String, Map<String, String>> documents = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> sortedSets = new HashMap<>();
    private final java.util.Set<String> colorKeys = new java.util.HashSet<>();

    RedisBatch(long generation, RedisSearchVersion search) {
        this.generation = generation;
        this.search = search;
    }

    void add(Shoe shoe, long latestRank) {
        Map<String, String> hash = ShoeHash.toHash(shoe);
        hash.put(ShoeFields.LATEST_RANK, Long.toString(latestRank));
        documents.put(CatalogKeys.doc(generation, shoe.id()), hash);
        double score = shoe.dateUpdated().toEpochMilli();
        sortedSets.computeIfAbsent(CatalogKeys.latest(generation), key -> new HashMap<>()).put(shoe.id(), score);
        for (String colorKey : shoe.colorKeys()) {
            sortedSets.computeIfAbsent(CatalogKeys.color(generation, colorKey), key -> new HashMap<>()).put(shoe.id(), score);
            colorKeys.add(colorKey);
        }
    }

    int size() {
        return documents.size();
    }

    /**
     * Sends the batch as one transaction, watched on the registry: it applies only while the registry
     * records the generation as loading, and is sent again when another generation's record changed
     * meanwhile. Throws {@link GenerationNotLoadingException} once the generation is no longer loading.
     * MULTI and EXEC go through a plain pipeline, so that an error Redis answers while queueing (out of
     * memory, no permission) is seen with its reason rather than as a bare {@code EXECABORT}.
     */
    void writeWhileLoading(Jedis jedis) {
        String field = Long.toString(generation);
        while (true) {
            Pipeline check = jedis.pipelined();
            check.sendCommand(Protocol.Command.WATCH, CatalogKeys.REGISTRY);
            Response<String> record = check.hget(CatalogKeys.REGISTRY, field);
            check.sync();
            if (record.get() == null || !record.get().startsWith(LOADING)) {
                jedis.unwatch();
                throw new GenerationNotLoadingException("generation " + generation + " is no longer loading (the registry says \""
                        + record.get() + "\"): its run failed or another run took the catalog over; nothing more is written to it");
            }
            Pipeline transaction = jedis.pipelined();
            transaction.sendCommand(Protocol.Command.MULTI, new String[0]);
            List<String> keys = new ArrayList<>();
            documents.forEach((key, hash) -> {
                transaction.sendCommand(Protocol.Command.DEL, key); // a rerun of this task must not leave fields of an older write
                keys.add(key);
                transaction.sendCommand(Protocol.Command.HSET, flatten(key, hash));
                keys.add(key);
                if (search == RedisSearchVersion.V1_ADDHASH) {
                    transaction.sendCommand(FT_ADDHASH, CatalogKeys.index(generation), key, "1.0", "REPLACE");
                    keys.add(key);
                }
            });
            sortedSets.forEach((key, members) -> {
                transaction.sendCommand(Protocol.Command.ZADD, flatten(key, members));
                keys.add(key);
            });
            if (!colorKeys.isEmpty()) {
                String registry = CatalogKeys.colorKeys(generation);
                transaction.sendCommand(Protocol.Command.SADD, java.util.stream.Stream.concat(java.util.stream.Stream.of(registry),
                        colorKeys.stream()).toArray(String[]::new));
                keys.add(registry);
            }
            transaction.sendCommand(Protocol.Command.EXEC, new String[0]);
            List<Object> replies = transaction.syncAndReturnAll();
            // Replies: OK to MULTI, one per queued command (QUEUED or an error), then EXEC's.
            checkReplies(replies.subList(1, replies.size() - 1), keys);
            Object executed = replies.get(replies.size() - 1);
            if (executed instanceof JedisDataException error) {
                throw error;
            }
            if (executed instanceof List<?> results) {
                checkReplies(results, keys);
                return;
            }
            // null: the registry changed between WATCH and EXEC; look again.
        }
    }

    private static String[] flatten(String key, Map<String, ?> pairs) {
        String[] args = new String[1 + 2 * pairs.size()];
        args[0] = key;
        int i = 1;
        for (Map.Entry<String, ?> pair : pairs.entrySet()) {
            if (pair.getValue() instanceof Double score) {
                args[i++] = score == Math.rint(score) ? Long.toString(score.longValue()) : Double.toString(score);
                args[i++] = pair.getKey();
            } else {
                args[i++] = pair.getKey();
                args[i++] = String.valueOf(pair.getValue());
            }
        }
        return args;
    }

    private void checkReplies(List<?> replies, List<String> keys) {
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i) instanceof JedisDataException error) {
                if (RedisErrors.isTransient(error)) {
                    throw error;
                }
                throw new JedisDataException("Redis refused a write of generation " + generation + " to " + keys.get(i) + ": "
                        + error.getMessage(), error);
            }
        }
    }
}
