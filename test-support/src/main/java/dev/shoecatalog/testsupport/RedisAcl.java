package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The chart's Redis users made into an ACL file by the chart's own init script
 * ({@code files/redis-users-init.sh} over {@code files/redis-users.acl.template}), from password
 * files as the chart mounts them: what the tests load into a real Redis is what a deployment runs.
 */
public final class RedisAcl {

    public static final String INGEST_USER = "shoes-ingest";
    public static final String QUERY_USER = "shoes-query";

    private RedisAcl() {
    }

    public static Path write(Path file, String adminPassword, String ingestPassword, String queryPassword) {
        try {
            Path passwords = Files.createDirectories(file.getParent().resolve("store-users"));
            for (Map.Entry<String, String> password : Map.of("redis-admin", adminPassword, "redis-ingest", ingestPassword,
                    "redis-query", queryPassword).entrySet()) {
                Files.writeString(passwords.resolve(password.getKey()), password.getValue());
            }
            Path log = file.getParent().resolve("redis-users-init.log");
            Processes.run(List.of("env", "STORE_USERS_DIR=" + passwords, "ACL_TEMPLATE=" + ChartFiles.file("redis-users.acl.template"),
                    "ACL_FILE=" + file, "sh", ChartFiles.file("redis-users-init.sh").toString()), log, Duration.ofSeconds(30));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
