package dev.shoecatalog.ingest.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.shoecatalog.ingest.swap.GenerationRecord;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.PackedRanks;
import dev.shoecatalog.model.SearchEntry;
import dev.shoecatalog.model.Shoe;
import dev.shoecatalog.model.ShoeJson;
import redis.clients.jedis.ClusterCommandArguments;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The writes of up to one batch of products or of color keys, kept until Redis has taken them (so that a
 * retry sends them again), grouped by key so that each key gets one command: the documents
 * ({@link ShoeJson}) into their lists by rank ({@link #PLACE}), the ids into their hashes of ranks, each
 * product's search entry; each color key's newest ranks into its bucket hash, or a string of its own
 * when they are many ({@link CatalogKeys#colorBucket}). Every write sets a value from its product or
 * color alone, so writing a batch twice leaves what writing it once does.
 */
final class RedisBatch {

    private static final ProtocolCommand FT_ADD = () -> SafeEncoder.encode("FT.ADD");
    /**
     * Puts documents at their elements of one list, creating it with 64 empty elements first: two tasks
     * may each write part of a list (where partitions meet), in any order.
     */
    private static final String PLACE = "if redis.call('EXISTS', KEYS[1]) == 0 then local empty = {}"
            + " for i = 1, " + CatalogKeys.DOCS_PER_BUCKET + " do empty[i] = '' end redis.call('RPUSH', KEYS[1], unpack(empty)) end"
            + " for i = 1, #ARGV, 2 do redis.call('LSET', KEYS[1], ARGV[i], ARGV[i + 1]) end return #ARGV / 2";
    private static final String LOADING = GenerationRecord.prefix(GenerationRecord.State.LOADING);

    private final RedisLayout layout;
    private final long generation;
    private final Map<String, Map<String, String>> documents = new LinkedHashMap<>();
    /** Id hashes and color hashes: field and value (a string or bytes) per key. */
    private final Map<String, Map<String, Object>> hashes = new LinkedHashMap<>();
    private final Map<String, byte[]> colorStrings = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> searchEntries = new LinkedHashMap<>();
    private int size;

    RedisBatch(RedisLayout layout) {
        this.layout = layout;
        this.generation = layout.generation();
    }

    void add(Shoe shoe, long rank) {
        String member = Long.toString(rank);
        documents.computeIfAbsent(CatalogKeys.docs(generation, rank), key -> new LinkedHashMap<>())
                .put(Integer.toString(CatalogKeys.docSlot(rank)), ShoeJson.encode(shoe));
        hashes.computeIfAbsent(CatalogKeys.ids(generation, shoe.id(), layout.idBuckets()), key -> new LinkedHashMap<>())
                .put(shoe.id(), member);
        if (layout.search() != RedisSearchVersion.NONE) {
            searchEntries.put(layout.search() == RedisSearchVersion.V1_ADD ? member : CatalogKeys.searchEntry(generation, rank),
                    SearchEntry.fields(shoe, rank));
        }
        size++;
    }

    /** A color key and its newest ranks, ascending: in its bucket's value, or (empty there) a string of its own. */
    void addColor(String colorKey, long[] ranks) {
        Map<String, Object> bucket = hashes.computeIfAbsent(CatalogKeys.colorBucket(generation, colorKey, layout.colorBuckets()),
                key -> new LinkedHashMap<>());
        if (CatalogKeys.inlineColor(colorKey, ranks.length)) {
            bucket.put(colorKey, PackedRanks.encode(ranks));
        } else {
            bucket.put(colorKey, new byte[0]);
            colorStrings.put(CatalogKeys.color(generation, colorKey), PackedRanks.encode(ranks));
        }
        size++;
    }

    int size() {
        return size;
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
            }
            checkLoading(record.get());
            Pipeline transaction = jedis.pipelined();
            transaction.sendCommand(Protocol.Command.MULTI, new String[0]);
            List<Write> writes = writes(CommandArguments::new);
            writes.forEach(write -> transaction.sendCommand(write.command()));
            List<String> keys = writes.stream().map(Write::key).toList();
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

    /**
     * Sends the batch to a Redis Cluster, where a transaction holds keys of one slot only: the registry
     * is read first, then the writes go to the masters of their slots in one pipeline each. Unlike
     * {@link #writeWhileLoading(Jedis)}, the check is not atomic with the writes: a task paused between the
     * two (for longer than the lease) can still add this one batch to a generation abandoned meanwhile.
     * Its numbered keys are removed with the generation; a color string it created may outlive it.
     */
    void writeWhileLoading(JedisCluster cluster) {
        String record = cluster.hget(CatalogKeys.REGISTRY, Long.toString(generation));
        checkLoading(record);
        List<Write> writes = writes(ClusterCommandArguments::new); // sent to the master of each key's slot
        List<Response<Object>> replies = new ArrayList<>(writes.size());
        try (ClusterPipeline pipeline = cluster.pipelined()) {
            writes.forEach(write -> replies.add(pipeline.sendCommand(write.command())));
            pipeline.sync();
        }
        List<Object> results = new ArrayList<>(replies.size());
        for (Response<Object> reply : replies) {
            try {
                results.add(reply.get());
            } catch (JedisDataException error) {
                results.add(error);
            }
        }
        checkReplies(results, writes.stream().map(Write::key).toList());
    }

    /** One write of the batch: the key it changes (named when Redis refuses it) and its command. */
    private record Write(String key, CommandArguments command) {
    }

    /**
     * The batch's writes, one command per key: the documents into their lists, the ids or the colors
     * into their hashes, the search entries, and the colors' own strings (after their hash's empty
     * value, which names them for the drop). {@code arguments} makes each command's arguments:
     * a cluster's know their key's slot.
     */
    private List<Write> writes(Function<ProtocolCommand, CommandArguments> arguments) {
        List<Write> writes = new ArrayList<>();
        documents.forEach((key, slots) -> writes.add(new Write(key, pairs(arguments.apply(Protocol.Command.EVAL).add(PLACE).add(1).key(key),
                slots))));
        hashes.forEach((key, fields) -> writes.add(new Write(key, pairs(arguments.apply(Protocol.Command.HSET).key(key), fields))));
        searchEntries.forEach((entry, fields) -> {
            if (layout.search() == RedisSearchVersion.V1_ADD) {
                // RediSearch 1.x (never on a cluster) is told each document; NOSAVE: the index keeps what it needs, no hash is written.
                String index = CatalogKeys.index(generation);
                writes.add(new Write(index, pairs(arguments.apply(FT_ADD).key(index).add(entry).add("1.0").add("NOSAVE").add("REPLACE")
                        .add("FIELDS"), fields)));
            } else {
                writes.add(new Write(entry, pairs(arguments.apply(Protocol.Command.HSET).key(entry), fields)));
            }
        });
        colorStrings.forEach((key, ranks) -> writes.add(new Write(key, arguments.apply(Protocol.Command.SET).key(key).add(ranks))));
        return writes;
    }

    /** Field and value pairs; a value is a string or bytes. */
    private static CommandArguments pairs(CommandArguments command, Map<String, ?> pairs) {
        pairs.forEach((field, value) -> command.add(field).add(value));
        return command;
    }

    private void checkLoading(String record) {
        if (record == null || !record.startsWith(LOADING)) {
            throw new GenerationNotLoadingException("generation " + generation + " is no longer loading (the registry says \""
                    + record + "\"): its run failed or another run took the catalog over; nothing more is written to it");
        }
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
