package dev.shoecatalog.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.shoecatalog.testsupport.ElasticsearchEndpoint;

/** Runs the job in-process against given stores, with the options a user would pass. */
public final class JobRunner {

    private final String redisUrl;
    private final ElasticsearchEndpoint elasticsearch;
    private final Path rejects;

    public JobRunner(String redisUrl, ElasticsearchEndpoint elasticsearch, Path rejects) {
        this.redisUrl = redisUrl;
        this.elasticsearch = elasticsearch;
        this.rejects = rejects;
    }

    public int run(Path dataset, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--master", "local[2]", "--dataset", dataset.toString(),
                "--redis-url", redisUrl, "--elasticsearch-hosts", elasticsearch.url(), "--rejects", rejects.toString()));
        // Test defaults, unless the test sets them itself (the job refuses an option given twice). Tests
        // load catalogs of different sizes one after the other: the shrink guard has its own tests.
        List<String> given = List.of(extraArgs);
        for (String[] option : new String[][] {{"--elasticsearch-max-retries", "2"}, {"--timeout-ms", "10000"}, {"--max-shrink", "1"}}) {
            if (!given.contains(option[0])) {
                args.addAll(List.of(option));
            }
        }
        if (elasticsearch.username() != null) {
            args.addAll(List.of("--elasticsearch-username", elasticsearch.username(),
                    "--elasticsearch-password", elasticsearch.password()));
        }
        if (elasticsearch.caCert() != null) {
            args.addAll(List.of("--elasticsearch-ca-cert", elasticsearch.caCert().toString()));
        }
        args.addAll(List.of(extraArgs));
        return IngestJob.execute(args.toArray(String[]::new));
    }
}
