package dev.shoecatalog.ingest.swap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import dev.shoecatalog.ingest.config.ElasticsearchSettings;
import dev.shoecatalog.model.CatalogKeys;

/**
 * The driver's view of generations in Elasticsearch: the index behind the {@code shoes} alias, and
 * creating, finishing, switching and dropping the index of a generation.
 */
public final class ElasticsearchGenerations implements AutoCloseable {

    private final ElasticsearchClient client;
    private final ElasticsearchSettings settings;

    public ElasticsearchGenerations(ElasticsearchSettings settings) {
        this.settings = settings;
        this.client = settings.connect();
    }

    /** Fails with the server's answer when it cannot be reached or refuses our credentials. */
    public void checkReachable() {
        call(() -> client.cluster().health(h -> h.timeout(Time.of(t -> t.time("10s")))));
    }

    public OptionalLong current() {
        return call(() -> {
            if (!client.indices().existsAlias(a -> a.name(CatalogKeys.ALIAS)).value()) {
                return OptionalLong.empty();
            }
            GetAliasResponse aliases = client.indices().getAlias(a -> a.name(CatalogKeys.ALIAS));
            return aliases.result().keySet().stream().mapToLong(CatalogKeys::generationOfIndex).filter(g -> g >= 0).max();
        });
    }

    /** Creates the index of generation g with its mapping, set up for a fast load (no refresh, no replica). */
    public void create(long g) {
        call(() -> client.indices().create(IndexDefinition.forLoad(CatalogKeys.index(g), settings.shards())));
    }

    /** Makes the loaded index searchable: refresh and replicas back, then waits for its shards. */
    public void finishLoad(long g) {
        String index = CatalogKeys.index(g);
        call(() -> {
            client.indices().putSettings(s -> s.index(index).settings(IndexDefinition.afterLoad(settings.replicas())));
            client.indices().refresh(r -> r.index(index));
            return client.cluster().health(h -> h.index(index).waitForStatus(HealthStatus.Yellow).timeout(Time.of(t -> t.time("60s"))));
        });
    }

    public long count(long g) {
        return call(() -> client.count(c -> c.index(CatalogKeys.index(g))).count());
    }

    /** Points the alias at generation g, removing it from the previous one, in one {@code _aliases} call. */
    public void switchTo(long g, OptionalLong previous) {
        call(() -> client.indices().updateAliases(u -> {
            previous.ifPresent(p -> u.actions(a -> a.remove(r -> r.index(CatalogKeys.index(p)).alias(CatalogKeys.ALIAS).mustExist(false))));
            return u.actions(a -> a.add(add -> add.index(CatalogKeys.index(g)).alias(CatalogKeys.ALIAS)));
        }));
    }

    public void drop(long g) {
        call(() -> client.indices().delete(d -> d.index(CatalogKeys.index(g)).ignoreUnavailable(true)));
    }

    @Override
    public void close() {
        ElasticsearchSettings.close(client);
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }
}
