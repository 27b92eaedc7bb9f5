package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The chart's Redis users ({@code files/redis-users.acl.template}) made into an ACL file the way the
 * chart's init container makes it: comments dropped, each marker replaced by the SHA-256 of a password.
 */
public final class RedisAcl {

    public static final String INGEST_USER = "shoes-ingest";
    public static final String QUERY_USER = "shoes-query";

    private RedisAcl() {
    }

    public static Path write(Path file, String adminPassword, String ingestPassword, String queryPassword) {
        try {
            String acl = Files.readAllLines(ChartFiles.file("redis-users.acl.template")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("@ADMIN_PASSWORD_SHA256@", sha256(adminPassword))
                            .replace("@INGEST_PASSWORD_SHA256@", sha256(ingestPassword))
                            .replace("@QUERY_PASSWORD_SHA256@", sha256(queryPassword)))
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, acl);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
