package dev.shoecatalog.query.rest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shoecatalog.dataset.DatasetWriter;
import dev.shoecatalog.query.StoresResource;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** While the job reloads, every answer is complete and comes from one generation. */
@QuarkusTest
class ReloadWhileServingTest {

    @TempDir
    Path dir;

    @Test
    void answersStayCompleteDuringReloads() throws Exception {
        Path other = dir.resolve("other");
        new DatasetWriter(3, 0.0, 3.5).write(other, 900, 3);
        Path sample = Datasets.sample();
        Map<List<String>, String> knownTops = Map.of(
                ExpectedCatalog.of(sample).latest(null, 10), "sample",
                ExpectedCatalog.of(other).latest(null, 10), "other");
        StoresResource.ensureLoaded(sample);

        AtomicBoolean loading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger answers = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (loading.get()) {
                for (String store : List.of("redis", "elasticsearch")) {
                    Response response = given().get("/v1/{store}/shoes/latest", store);
                    List<String> ids = response.statusCode() == 200 ? response.jsonPath().getList("items.id", String.class) : List.of();
                    if (!knownTops.containsKey(ids)) {
                        problems.add(store + " answered " + response.statusCode() + " " + ids);
                    }
                    answers.incrementAndGet();
                }
            }
        });
        try {
            StoresResource.load(other);
            StoresResource.load(sample);
        } finally {
            loading.set(false);
            reader.get();
        }
        assertThat(problems).isEmpty();
        assertThat(answers.get()).isGreaterThan(20);
    }
}
