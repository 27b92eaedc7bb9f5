package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificate authorities and server certificates for TLS tests, made with the JDK's {@code keytool}:
 * PEM files that Redis, Elasticsearch and the clients all read.
 */
public final class TestCertificates {

    private static final String STORE_PASSWORD = "test-keystore";
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    /** A server's certificate and key, and the CA that signed it. */
    public record ServerCertificate(Path certificate, Path key, Path ca) {
    }

    private final Path dir;
    private final Path log;

    private TestCertificates(Path dir) {
        this.dir = dir;
        this.log = dir.resolve("keytool.log");
    }

    /** A new CA in {@code dir}. */
    public static TestCertificates authority(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestCertificates authority = new TestCertificates(dir);
        authority.keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3",
                "-dname", "CN=shoe-catalog test CA " + dir.getFileName(), "-ext", "bc:c", "-keystore", authority.caStore().toString());
        authority.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", authority.caStore().toString(),
                "-file", authority.caCertificate().toString());
        return authority;
    }

    /** PEM file of this CA's certificate: what a client trusts. */
    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** A certificate for 127.0.0.1 and localhost: the name the tests connect to. */
    public ServerCertificate loopback() {
        return server("loopback", "ip:127.0.0.1,dns:localhost");
    }

    /** A certificate signed by this CA for the given subject alternative names (keytool's san= syntax). */
    public ServerCertificate server(String name, String subjectAlternativeNames) {
        Path store = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3",
                "-dname", "CN=" + name, "-keystore", store.toString());
        keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore().toString(), "-validity", "3",
                "-ext", "san=" + subjectAlternativeNames, "-ext", "eku=serverAuth", "-infile", request.toString(),
                "-outfile", certificate.toString());
        writePrivateKey(store, name, key);
        return new ServerCertificate(certificate, key, caCertificate());
    }

    private Path caStore() {
        return dir.resolve("ca.p12");
    }

    /** keytool has no PEM export for keys: the PKCS#8 encoding, which OpenSSL and Elasticsearch read. */
    private static void writePrivateKey(Path store, String alias, Path pem) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, STORE_PASSWORD.toCharArray());
            Key key = keyStore.getKey(alias, STORE_PASSWORD.toCharArray());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
            // Elasticsearch reads it as its own user when the tests run as root.
            pem.toFile().setReadable(true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key of " + store, e);
        }
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-noprompt"));
        Processes.run(command, log, TIMEOUT);
    }
}
