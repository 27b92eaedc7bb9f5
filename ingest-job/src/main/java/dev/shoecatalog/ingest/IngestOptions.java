package dev.shoecatalog.ingest;

import java.util.List;

import dev.shoecatalog.ingest.config.ElasticsearchSettings;
import dev.shoecatalog.ingest.config.RedisSettings;
import dev.shoecatalog.ingest.swap.RedisSearchMode;
import picocli.CommandLine.Option;

/**
 * The job's options. Each one also reads an environment variable (the same names as the query
 * service and the Helm chart), so credentials never need to appear on a command line.
 */
public final class IngestOptions {

    @Option(names = "--dataset", defaultValue = "${env:SHOES_DATASET:-dataset/sample}",
            description = "Dataset directory or file, local or any Hadoop-supported URI (env SHOES_DATASET; default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--master", defaultValue = "${env:SPARK_MASTER}",
            description = "Spark master. Default: what spark-submit sets, else local[*] (env SPARK_MASTER).")
    String master;

    @Option(names = "--partitions", defaultValue = "0",
            description = "Partitions of the ranking and writer tasks per store; 0 = one per --products-per-partition products, at least"
                    + " one per core (default: ${DEFAULT-VALUE}).")
    int partitions;

    int productsPerPartition;

    @Option(names = "--products-per-partition", defaultValue = "100000",
            description = "Products per partition of the ranking and the writes when --partitions is 0 (default: ${DEFAULT-VALUE}).")
    void productsPerPartition(int products) {
        productsPerPartition = atLeastOne("--products-per-partition", products);
    }

    @Option(names = "--writes", defaultValue = "concurrent",
            description = "concurrent: both stores at once, each a Spark job; sequential: Redis, then Elasticsearch, for hosts where "
                    + "the stores share the job's cores (default: ${DEFAULT-VALUE}).")
    StoreWrites writes;

    @Option(names = "--rejects", defaultValue = "${env:SHOES_REJECTS:-rejects}",
            description = "Directory or URI for rejected rows; each run writes a run-<time> folder in it (env SHOES_REJECTS; default: ${DEFAULT-VALUE}).")
    String rejects;

    @Option(names = "--max-reject-ratio", defaultValue = "0.1",
            description = "Fail, leaving readers on the current generation, when more than this share of rows is rejected (default: ${DEFAULT-VALUE}).")
    double maxRejectRatio;

    @Option(names = "--max-shrink", defaultValue = "0.25",
            description = "Refuse (exit 3, nothing written) a catalog with more than this share fewer products than the one readers use,"
                    + " e.g. a partial export; 1 accepts any size (default: ${DEFAULT-VALUE}).")
    double maxShrink;

    @Option(names = "--max-cell-chars", defaultValue = "1000000",
            description = "Longest CSV cell the parser holds, in characters; a longer one (a runaway quote) refuses the dataset,"
                    + " exit 3, instead of filling an executor's memory (default: ${DEFAULT-VALUE}).")
    int maxCellChars;

    @Option(names = "--quiet", description = "No progress lines (each stage's start and end, and counts every --progress-seconds during"
            + " the long ones); the summary and errors still print.")
    boolean quiet;

    int progressSeconds;

    @Option(names = "--progress-seconds", defaultValue = "5",
            description = "Seconds between progress lines during the read, normalize and write stages (default: ${DEFAULT-VALUE}).")
    void progressSeconds(int seconds) {
        progressSeconds = atLeastOne("--progress-seconds", seconds);
    }

    /** The value of a count option, refused (exit 2, naming the option) below 1. */
    private int atLeastOne(String option, int value) {
        if (value < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), option + " must be at least 1, not " + value);
        }
        return value;
    }

    @Option(names = "--verbose", description = "Show stack traces and Spark's task failures, not only the one-line cause.")
    boolean verbose;

    @Option(names = "--redis-url", defaultValue = "${env:REDIS_URL:-redis://localhost:6379}",
            description = "redis://[user:password@]host:port[/db], rediss:// for TLS (env REDIS_URL; default: redis://localhost:6379).")
    String redisUrl;

    @Option(names = "--redis-client-type", defaultValue = "${env:REDIS_CLIENT_TYPE:-standalone}",
            description = "standalone, or cluster for Redis Cluster: then --redis-url lists one or more seed URLs, comma-separated"
                    + " (env REDIS_CLIENT_TYPE; default: standalone).")
    RedisClientType redisClientType;

    /** How the job reaches Redis. */
    enum RedisClientType { STANDALONE, CLUSTER }

    @Option(names = "--redis-username", defaultValue = "${env:REDIS_USERNAME}",
            description = "Redis ACL user, instead of the one in the URL (env REDIS_USERNAME).")
    String redisUsername;

    @Option(names = "--redis-password", defaultValue = "${env:REDIS_PASSWORD}",
            description = "Redis password, instead of the one in the URL: no escaping needed; prefer the environment variable (env REDIS_PASSWORD).")
    String redisPassword;

    @Option(names = "--redis-ca-cert", defaultValue = "${env:REDIS_CA_CERT}",
            description = "PEM file of the CA to trust for rediss:// (env REDIS_CA_CERT).")
    String redisCaCert;

    @Option(names = "--redis-batch-size", defaultValue = "500",
            description = "Products per Redis pipeline round trip (default: ${DEFAULT-VALUE}).")
    int redisBatchSize;

    @Option(names = "--redis-max-retries", defaultValue = "5",
            description = "Retries, with backoff and jitter, of a Redis batch that failed for a passing reason (connection reset, timeout,"
                    + " LOADING, BUSY, TRYAGAIN) (default: ${DEFAULT-VALUE}).")
    int redisMaxRetries;

    @Option(names = "--redis-color-keep", defaultValue = "100",
            description = "How many of the newest shoes of each color Redis keeps: the most a reader may ask for (the query service's"
                    + " shoes.max-n must not be above it); 4 bytes per kept shoe of each color (default: ${DEFAULT-VALUE}).")
    int redisColorKeep;

    @Option(names = "--elasticsearch-hosts", split = ",", defaultValue = "${env:ELASTICSEARCH_HOSTS:-http://localhost:9200}",
            description = "Comma-separated http(s)://host:port (env ELASTICSEARCH_HOSTS; default: http://localhost:9200).")
    List<String> elasticsearchHosts;

    @Option(names = "--elasticsearch-cloud-id", defaultValue = "${env:ELASTICSEARCH_CLOUD_ID}",
            description = "Elastic Cloud id, instead of hosts (env ELASTICSEARCH_CLOUD_ID).")
    String elasticsearchCloudId;

    @Option(names = "--elasticsearch-username", defaultValue = "${env:ELASTICSEARCH_USERNAME}",
            description = "User for basic authentication (env ELASTICSEARCH_USERNAME).")
    String elasticsearchUsername;

    @Option(names = "--elasticsearch-password", defaultValue = "${env:ELASTICSEARCH_PASSWORD}",
            description = "Password; prefer the environment variable (env ELASTICSEARCH_PASSWORD).")
    String elasticsearchPassword;

    @Option(names = "--elasticsearch-api-key", defaultValue = "${env:ELASTICSEARCH_API_KEY}",
            description = "Encoded API key, instead of user and password; prefer the environment variable (env ELASTICSEARCH_API_KEY).")
    String elasticsearchApiKey;

    @Option(names = "--elasticsearch-ca-cert", defaultValue = "${env:ELASTICSEARCH_CA_CERT}",
            description = "PEM file of the CA to trust for https (env ELASTICSEARCH_CA_CERT).")
    String elasticsearchCaCert;

    // 5,000 was the best raw bulk size at 100k and 1M rows (docs/benchmarks/ingest.md); the byte limit
    // (5 MB) usually cuts a request first with real documents.
    @Option(names = "--elasticsearch-bulk-actions", defaultValue = "5000",
            description = "Documents per bulk request at most (default: ${DEFAULT-VALUE}).")
    int bulkActions;

    @Option(names = "--elasticsearch-bulk-bytes", defaultValue = "5242880",
            description = "Bytes of documents per bulk request at most (default: ${DEFAULT-VALUE}).")
    long bulkBytes;

    @Option(names = "--elasticsearch-max-retries", defaultValue = "5",
            description = "Retries, with exponential backoff, of bulk requests answered 429/503 or not answered (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--elasticsearch-shards", defaultValue = "auto",
            description = "Primary shards of each new index: a number, or auto, one per 20 GB of documents at about 500 bytes each"
                    + " (one shard up to 40 million products) (default: ${DEFAULT-VALUE}).")
    String shards;

    @Option(names = "--elasticsearch-replicas", defaultValue = "0-1",
            description = "index.auto_expand_replicas once loaded; 0 during the load (default: ${DEFAULT-VALUE}).")
    String replicas;

    @Option(names = "--timeout-ms", defaultValue = "30000",
            description = "Connect and read timeout for both stores, in milliseconds (default: ${DEFAULT-VALUE}).")
    int timeoutMillis;

    @Option(names = "--redis-search", defaultValue = "auto",
            description = "Redis search index: auto (detected from the index, no admin command needed), v1, v2 or off (default: ${DEFAULT-VALUE}).")
    RedisSearchMode redisSearch;

    @Option(names = "--rollback",
            description = "Switch readers in both stores back to the kept previous generation instead of loading; exit 3 when none is kept.")
    boolean rollback;

    @Option(names = "--lease-seconds", defaultValue = "60",
            description = "Lifetime of the catalog's lease, renewed while the job runs; a job that dies frees the catalog after it (default: ${DEFAULT-VALUE}).")
    int leaseSeconds;

    RedisSettings redis() {
        return RedisSettings.of(redisClientType.name(), redisUrl, redisUsername, redisPassword, redisCaCert, redisBatchSize, timeoutMillis);
    }

    ElasticsearchSettings elasticsearch() {
        return new ElasticsearchSettings(elasticsearchHosts, elasticsearchCloudId, elasticsearchUsername,
                elasticsearchPassword, elasticsearchApiKey, elasticsearchCaCert, bulkActions, bulkBytes, maxRetries,
                timeoutMillis, shardCount(), replicas);
    }

    /** {@code --elasticsearch-shards} as a number, 0 for auto. */
    int shardCount() {
        if ("auto".equalsIgnoreCase(shards.strip())) {
            return 0;
        }
        try {
            int count = Integer.parseInt(shards.strip());
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // Said below.
        }
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "--elasticsearch-shards must be auto or a positive number, not '" + shards + "'");
    }

    /** The master to set: the option, else none under spark-submit (it sets spark.master), else local[*]. */
    String effectiveMaster() {
        if (master != null && !master.isBlank()) {
            return master;
        }
        return System.getProperty("spark.master") != null ? null : "local[*]";
    }
}
