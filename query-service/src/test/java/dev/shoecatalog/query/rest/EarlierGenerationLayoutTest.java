package dev.shoecatalog.query.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shoecatalog.model.CatalogKeys;
import dev.shoecatalog.model.PackedRanks;
import dev.shoecatalog.model.SearchWords;
import dev.shoecatalog.model.ShoeFields;
import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generation loaded by the version before the color hashes and the word tags (a sorted set per color
 * key, the name's words a text field, neither {@code colorBuckets} nor {@code searchWords} in its meta
 * hash) keeps answering after an upgrade of the service, byte for byte as the same catalog in today's
 * layout: the generation is rewritten here in the earlier layout from what the job loaded.
 */
@QuarkusTest
@QuarkusTestResource(value = StoresResource.class, restrictToAnnotatedClass = false)
class EarlierGenerationLayoutTest {

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper mapper;

    @TempDir
    Path dir;

    /** The sample, whose colors all have many shoes, and two of a color of their own, held in a bucket hash. */
    private Path sampleWithRareColors() throws Exception {
        Path dataset = Files.createDirectories(dir.resolve("data"));
        try (var files = Files.list(Datasets.sample())) {
            for (Path file : files.toList()) {
                Files.copy(file, dataset.resolve(file.getFileName()));
            }
        }
        Files.writeString(dataset.resolve("rare.csv"), """
                id,name,brand,colors,dateAdded,dateUpdated
                rare-1,Rare Women's Boot,Acme,Fuchsia Leather,2019-01-01T00:00:00Z,2030-01-01T00:00:00Z
                rare-2,Rare Women's Mule,Acme,"Fuchsia Leather, Ochre",2019-01-01T00:00:00Z,2000-01-01T00:00:00Z
                """);
        return dataset;
    }

    @Test
    void aGenerationOfTheEarlierLayoutAnswersAsTheSameCatalogInToday() throws Exception {
        StoresResource.load(sampleWithRareColors());
        long g = Long.parseLong(redis.execute("GET", CatalogKeys.CURRENT).toString());
        Map<String, long[]> colors = colorRanks(g);
        assertThat(colors).hasSizeGreaterThan(10);
        assertThat(colors.values()).as("colors in a string of their own and in their bucket")
                .anyMatch(ranks -> ranks.length > CatalogKeys.INLINE_COLOR_RANKS).anyMatch(ranks -> ranks.length == 1);
        List<String> requests = new ArrayList<>(List.of("/v1/redis/shoes/latest?n=100", "/v1/redis/shoes/search?q=women&n=5",
                "/v1/redis/shoes/search?q=ankle%20boot&n=100", "/v1/redis/shoes/latest?n=3&color=no%20such%20color"));
        colors.keySet().stream().limit(40).forEach(color -> requests.add("/v1/redis/shoes/latest?n=100&color="
                + java.net.URLEncoder.encode(color, java.nio.charset.StandardCharsets.UTF_8)));
        requests.add("/v1/redis/shoes/latest?n=5&color=fuchsia%20leather");
        requests.add("/v1/redis/shoes/latest?n=5&color=ochre");
        Map<String, String> today = answers(requests);
        String cursor = mapper.readTree(today.get("/v1/redis/shoes/search?q=women&n=5")).path("nextCursor").asText();
        assertThat(cursor).isNotEmpty();
        String secondPage = "/v1/redis/shoes/search?q=women&n=5&cursor=" + cursor;
        today.putAll(answers(List.of(secondPage)));
        requests.add(secondPage);

        rewriteInEarlierLayout(g, colors);

        assertThat(answers(requests)).isEqualTo(today);
        assertThat(today.get("/v1/redis/shoes/latest?n=5&color=fuchsia%20leather")).contains("rare-1").contains("rare-2");
        StoresResource.load(Datasets.sample()); // the next load drops the earlier generation from its own keys in time
    }

    private Map<String, String> answers(List<String> requests) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String request : requests) {
            answers.put(request, given().urlEncodingEnabled(false).get(request).then().statusCode(200).extract().asString());
        }
        return answers;
    }

    /** Every color key of generation g and its ranks, from its bucket hashes and the strings they name. */
    private Map<String, long[]> colorRanks(long g) {
        long buckets = Long.parseLong(redis.execute("HGET", CatalogKeys.meta(g), CatalogKeys.META_COLOR_BUCKETS).toString());
        Map<String, long[]> colors = new TreeMap<>();
        for (long b = 0; b < buckets; b++) {
            Response hash = redis.execute("HGETALL", CatalogKeys.colorBucket(g, b));
            for (int i = 0; i + 1 < hash.size(); i += 2) {
                String color = hash.get(i).toString();
                byte[] packed = hash.get(i + 1).toBytes();
                if (packed.length == 0) {
                    packed = redis.execute("GET", CatalogKeys.color(g, color)).toBytes();
                }
                colors.put(color, PackedRanks.decode(packed, Integer.MAX_VALUE));
            }
        }
        return colors;
    }

    private void rewriteInEarlierLayout(long g, Map<String, long[]> colors) throws Exception {
        Map<String, String> meta = hash(CatalogKeys.meta(g));
        long buckets = Long.parseLong(meta.get(CatalogKeys.META_COLOR_BUCKETS));
        for (long b = 0; b < buckets; b++) {
            redis.execute("DEL", CatalogKeys.colorBucket(g, b));
        }
        for (Map.Entry<String, long[]> color : colors.entrySet()) {
            String key = CatalogKeys.color(g, color.getKey());
            redis.execute("DEL", key);
            List<String> zadd = new ArrayList<>(List.of(key));
            for (long rank : color.getValue()) {
                zadd.add(Long.toString(rank));
                zadd.add(Long.toString(rank));
            }
            redis.execute("ZADD", zadd.toArray(String[]::new));
            redis.execute("SADD", CatalogKeys.colorKeys(g), color.getKey());
        }
        redis.execute("HDEL", CatalogKeys.meta(g), CatalogKeys.META_COLOR_BUCKETS, CatalogKeys.META_SEARCH_WORDS);
        assertThat(meta.get(CatalogKeys.META_SEARCH_INDEX)).as("the module installed here takes each document").isEqualTo("v1");
        String index = CatalogKeys.index(g);
        redis.execute("FT.DROP", index);
        redis.execute("FT.CREATE", index, "NOOFFSETS", "NOFREQS", "NOFIELDS", "STOPWORDS", "0", "SCHEMA",
                ShoeFields.NAME_WORDS, "TEXT", "NOSTEM", ShoeFields.LATEST_RANK, "NUMERIC", "SORTABLE", "NOINDEX");
        long products = Long.parseLong(meta.get(CatalogKeys.META_PRODUCTS));
        for (long rank = 0; rank < products; rank++) {
            JsonNode shoe = mapper.readTree(redis.execute("LINDEX", CatalogKeys.docs(g, rank), Integer.toString(CatalogKeys.docSlot(rank)))
                    .toString());
            redis.execute("FT.ADD", index, Long.toString(rank), "1.0", "NOSAVE", "FIELDS", ShoeFields.NAME_WORDS,
                    SearchWords.joined(shoe.get(1).asText()), ShoeFields.LATEST_RANK, Long.toString(rank));
        }
    }

    private Map<String, String> hash(String key) {
        Response hash = redis.execute("HGETALL", key);
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i + 1 < hash.size(); i += 2) {
            fields.put(hash.get(i).toString(), hash.get(i + 1).toString());
        }
        return fields;
    }
}
