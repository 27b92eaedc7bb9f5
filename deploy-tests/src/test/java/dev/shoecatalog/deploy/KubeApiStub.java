package dev.shoecatalog.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Kubernetes API server, named as such: it answers only what Helm's {@code lookup}
 * asks when the chart renders (API discovery, and GET of a Secret: the ones a test put here, 404 for
 * any other). helm-java renders as an install against a cluster, where {@code lookup} must reach one;
 * this lets the tests render as a first install and as an upgrade that finds the chart's Secrets.
 * Helm finds it through the kubeconfig file that {@code KUBECONFIG} names (set by the build).
 */
final class KubeApiStub {

    private static final Map<String, Map<String, String>> SECRETS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private KubeApiStub() {
    }

    /** Starts the stub once and writes the kubeconfig that points Helm at it. */
    static synchronized void ensureStarted() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", KubeApiStub::answer);
            server.start();
            String kubeconfig = System.getenv("KUBECONFIG");
            if (kubeconfig == null) {
                throw new IllegalStateException("KUBECONFIG is not set: the build sets it for these tests");
            }
            Files.createDirectories(Path.of(kubeconfig).toAbsolutePath().getParent());
            Files.writeString(Path.of(kubeconfig), """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: stub, cluster: {server: "http://127.0.0.1:%d"}}]
                    users: [{name: stub, user: {}}]
                    contexts: [{name: stub, context: {cluster: stub, user: stub}}]
                    current-context: stub
                    """.formatted(server.getAddress().getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Secrets that exist from now on, as an earlier install left them; values in clear text. */
    static void putSecret(String namespace, String name, Map<String, String> data) {
        SECRETS.put(namespace + "/" + name, Map.copyOf(data));
    }

    static void clearSecrets() {
        SECRETS.clear();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        if (path.equals("/api")) {
            send(exchange, 200, """
                    {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]}""");
        } else if (path.equals("/apis")) {
            send(exchange, 200, """
                    {"kind":"APIGroupList","apiVersion":"v1","groups":[]}""");
        } else if (path.equals("/api/v1")) {
            send(exchange, 200, """
                    {"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"secrets","singularName":"secret",
                    "namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""");
        } else if (parts.length == 7 && parts[3].equals("namespaces") && parts[5].equals("secrets")) {
            Map<String, String> data = SECRETS.get(parts[4] + "/" + parts[6]);
            if (data == null) {
                send(exchange, 404, """
                        {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
            } else {
                String encoded = data.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":\""
                        + Base64.getEncoder().encodeToString(entry.getValue().getBytes(StandardCharsets.UTF_8)) + "\"")
                        .collect(Collectors.joining(","));
                send(exchange, 200, """
                        {"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},"data":{%s}}"""
                        .formatted(parts[6], parts[4], encoded));
            }
        } else {
            send(exchange, 404, """
                    {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
