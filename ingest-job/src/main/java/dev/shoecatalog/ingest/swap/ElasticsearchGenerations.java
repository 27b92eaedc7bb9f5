package dev.shoecatalog.ingest.swap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ElasticsearchGenerations.class);

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
        return behindAlias().stream().mapToLong(Long::longValue).max();
    }

    /** The generations whose index the alias points at: one, or none before the first load. */
    public Set<Long> behindAlias() {
        return call(() -> {
            if (!client.indices().existsAlias(a -> a.name(CatalogKeys.ALIAS)).value()) {
                return Set.<Long>of();
            }
            GetAliasResponse aliases = client.indices().getAlias(a -> a.name(CatalogKeys.ALIAS));
            return aliases.result().keySet().stream().map(CatalogKeys::generationOfIndex).filter(g -> g >= 0)
                    .collect(Collectors.<Long, Set<Long>>toCollection(TreeSet::new));
        });
    }

    /** Every generation with an index, complete or not (leftovers of crashed runs included). */
    public Set<Long> existing() {
        return call(() -> client.indices().get(i -> i.index(CatalogKeys.INDEX_PATTERN).allowNoIndices(true).ignoreUnavailable(true))
                .result().keySet().stream().map(CatalogKeys::generationOfIndex).filter(g -> g >= 0)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * Creates the index of generation g with its mapping, set up for a fast load (no refresh, no
     * replica), with the configured primaries or, for {@code auto}, as many as {@code products} need.
     */
    public void create(long g, long products) {
        int shards = settings.shards() > 0 ? settings.shards() : ElasticsearchShards.forProducts(products);
        call(() -> client.indices().create(IndexDefinition.forLoad(CatalogKeys.index(g), shards)));
    }

    /** Makes the loaded index searchable: refresh and replicas back, the load time in its {@code _meta}, then waits for its shards. */
    public void finishLoad(long g) {
        String index = CatalogKeys.index(g);
        call(() -> {
            client.indices().putSettings(s -> s.index(index).settings(IndexDefinition.afterLoad(settings.replicas())));
            client.indices().putMapping(m -> m.index(index)
                    .meta(CatalogKeys.LOADED_AT, co.elastic.clients.json.JsonData.of(java.time.Instant.now().toString())));
            client.indices().refresh(r -> r.index(index));
            // Replicas the index asks for (auto_expand_replicas) are awaited, within --timeout-ms (three quarters of it,
            // so that Elasticsearch answers before the client's own read timeout); primaries must be active.
            long waitMillis = Math.max(1, settings.timeoutMillis() * 3L / 4);
            HealthStatus status;
            try {
                status = client.cluster().health(h -> h.index(index).waitForStatus(HealthStatus.Green)
                        .timeout(Time.of(t -> t.time(waitMillis + "ms")))).status();
            } catch (org.elasticsearch.client.ResponseException e) {
                if (e.getResponse().getStatusLine().getStatusCode() != 408) {
                    throw e;
                }
                // Elasticsearch answers 408 when the wait times out, which the client takes for an error.
                status = client.cluster().health(h -> h.index(index)).status();
            }
            if (status == HealthStatus.Red) {
                throw new IllegalStateException("the index of generation " + g + " has shards that are not active (health red)");
            }
            if (status != HealthStatus.Green) {
                LOG.warn("The replicas of generation {}'s index were not all active within {} ms; readers switch to its primaries",
                        g, waitMillis);
            }
            return status;
        });
    }

    public long count(long g) {
        return call(() -> client.count(c -> c.index(CatalogKeys.index(g))).count());
    }

    /**
     * Moves the alias from exactly the generations it pointed at when the caller looked
     * ({@code expected}) to g (or to nothing when g is empty), in one {@code _aliases} call that fails
     * as a whole when the alias is no longer on one of them ({@code must_exist}): a run that stalled
     * while another one switched cannot move the other run's readers. Before the first load there is
     * nothing to condition on; the alias is added, then checked to point at g alone, else taken back.
     */
    public void switchTo(OptionalLong g, Set<Long> expected) {
        call(() -> client.indices().updateAliases(u -> {
            expected.forEach(e -> u.actions(a -> a.remove(r -> r.index(CatalogKeys.index(e)).alias(CatalogKeys.ALIAS).mustExist(true))));
            g.ifPresent(target -> u.actions(a -> a.add(add -> add.index(CatalogKeys.index(target)).alias(CatalogKeys.ALIAS))));
            return u;
        }));
        if (expected.isEmpty() && g.isPresent()) {
            Set<Long> now = behindAlias();
            if (!now.equals(Set.of(g.getAsLong()))) {
                switchTo(OptionalLong.empty(), Set.of(g.getAsLong()));
                throw new FencedSwitchException("the alias " + CatalogKeys.ALIAS + " also points at generations " + now
                        + " of another run; this run took its switch back");
            }
        }
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
