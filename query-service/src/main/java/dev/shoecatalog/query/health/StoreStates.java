package dev.shoecatalog.query.health;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.shoecatalog.query.config.QueryConfig;
import dev.shoecatalog.query.service.CatalogService;
import dev.shoecatalog.query.store.GenerationInfo;
import dev.shoecatalog.query.store.StoreName;
import dev.shoecatalog.query.store.StoreUnavailableException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Each store's state, asked of both stores at once and awaited for at most the readiness budget: a
 * store that accepts connections and never answers (a blackholed node, a stalled JVM) is reported as
 * not answering once the budget is spent, while its check runs on to its own client timeout. At most
 * one check per store is in flight; a probe that comes while one runs waits for that one.
 */
@Singleton
public class StoreStates {

    /** What a store was found to be. */
    public record State(Kind kind, Optional<GenerationInfo> generation, String problem) {

        public enum Kind { SERVING, NO_CATALOG, UNREACHABLE, NOT_ANSWERING }

        public boolean reachable() {
            return kind == Kind.SERVING || kind == Kind.NO_CATALOG;
        }
    }

    private final CatalogService catalog;
    private final Duration budget;
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "store-state-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<StoreName, CompletableFuture<State>> inFlight = new EnumMap<>(StoreName.class);

    StoreStates(CatalogService catalog, QueryConfig config) {
        this.catalog = catalog;
        this.budget = config.readinessBudget();
    }

    /** Starts the first checks at startup, so that the first probe finds them done (the first call to a store is the slowest). */
    void warmUp(@Observes StartupEvent started) {
        for (StoreName store : StoreName.values()) {
            check(store);
        }
    }

    /** Every store's state, within the budget. */
    public Map<StoreName, State> now() {
        Map<StoreName, CompletableFuture<State>> started = new EnumMap<>(StoreName.class);
        for (StoreName store : StoreName.values()) {
            started.put(store, check(store));
        }
        long deadline = System.nanoTime() + budget.toNanos();
        Map<StoreName, State> states = new EnumMap<>(StoreName.class);
        started.forEach((store, check) -> states.put(store, await(check, deadline)));
        return states;
    }

    private synchronized CompletableFuture<State> check(StoreName store) {
        CompletableFuture<State> running = inFlight.get(store);
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(() -> probe(store), checks);
            inFlight.put(store, running);
        }
        return running;
    }

    private State probe(StoreName store) {
        try {
            Optional<GenerationInfo> generation = catalog.generation(store);
            return new State(generation.isPresent() ? State.Kind.SERVING : State.Kind.NO_CATALOG, generation, null);
        } catch (StoreUnavailableException e) {
            return new State(State.Kind.UNREACHABLE, Optional.empty(), e.getMessage());
        }
    }

    private State await(CompletableFuture<State> check, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new State(State.Kind.NOT_ANSWERING, Optional.empty(), "no answer within " + budget.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new State(State.Kind.UNREACHABLE, Optional.empty(), String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new State(State.Kind.NOT_ANSWERING, Optional.empty(), "interrupted");
        }
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
