package dev.shoecatalog.query.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings ({@code shoes.*}). */
@ConfigMapping(prefix = "shoes")
public interface QueryConfig {

    /** The largest {@code n} a request may ask for. */
    @WithDefault("100")
    int maxN();

    /**
     * How long readiness waits for the stores' answers (asked at once) before it reports a store as
     * not answering: well under the probe's timeout, so a store that hangs cannot make the probe fail.
     */
    @WithDefault("400ms")
    java.time.Duration readinessBudget();

    Elasticsearch elasticsearch();

    Redis redis();

    interface Redis {
        /**
         * Redis searches one instance runs at once; more are answered 503 with Retry-After. Redis runs
         * one command at a time, so this keeps heavy searches from stalling "latest" behind them.
         */
        @WithDefault("4")
        int maxConcurrentSearches();
    }

    interface Elasticsearch {
        /** PEM file of the CA to trust for https (ELASTICSEARCH_CA_CERT). */
        Optional<String> caCert();
    }
}
