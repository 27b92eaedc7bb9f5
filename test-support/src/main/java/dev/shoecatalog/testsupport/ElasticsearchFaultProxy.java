package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Fault injection, not a store: an HTTP proxy in front of a real Elasticsearch that answers some
 * {@code _bulk} requests the way an overloaded cluster does, and on demand refuses index deletions or
 * alias updates, which a real single node cannot be made to do on demand. Every other request is relayed unchanged.
 *
 * <p>The n-th bulk request (counting retries) gets {@code plan.get(n % plan.size())}.
 */
public final class ElasticsearchFaultProxy implements AutoCloseable {

    /** What happens to one bulk request. */
    public enum Answer {
        /** Relayed to Elasticsearch. */
        PASS,
        /** Not relayed; answered {@code 429 Too Many Requests} as a whole. */
        REJECT_REQUEST,
        /**
         * Relayed, then answered {@code 200} with every second item rejected with 429 (the others
         * reported created), as a cluster whose write queue filled up mid-request answers.
         */
        REJECT_HALF_THE_ITEMS
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-authorization", "proxy-authenticate");
    private static final Pattern ACTION = Pattern.compile("^\\{\\s*\"(index|create|update|delete)\"\\s*:");
    private static final Pattern INDEX = Pattern.compile("\"_index\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\"_id\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger bulkRequests = new AtomicInteger();
    private final AtomicInteger rejectedRequests = new AtomicInteger();
    private final AtomicInteger rejectedItems = new AtomicInteger();
    private final AtomicInteger refusedDeletions = new AtomicInteger();
    private volatile List<Answer> plan = List.of(Answer.PASS);
    private volatile boolean refuseDeletions;
    private final AtomicInteger aliasUpdatesLeft = new AtomicInteger(Integer.MAX_VALUE);

    private ElasticsearchFaultProxy(HttpServer server, URI target) {
        this.server = server;
        this.target = target;
    }

    /** Starts on a free loopback port, relaying to {@code target} (e.g. {@code http://127.0.0.1:9200}). */
    public static ElasticsearchFaultProxy start(String target) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            ElasticsearchFaultProxy proxy = new ElasticsearchFaultProxy(server, URI.create(target));
            server.createContext("/", proxy::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "bulk-rejecting-proxy");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the proxy", e);
        }
    }

    /** The answers to cycle through for bulk requests, from now on. */
    public void plan(Answer... answers) {
        this.plan = List.of(answers);
    }

    /** From now on, {@code DELETE} of an index is answered 503 (or relayed again, with false). */
    public void refuseIndexDeletions(boolean refuse) {
        this.refuseDeletions = refuse;
    }

    /** From now on, relays this many {@code _aliases} updates, then answers 503 to the rest. */
    public void refuseAliasUpdatesAfter(int allowed) {
        aliasUpdatesLeft.set(allowed);
    }

    public int refusedDeletions() {
        return refusedDeletions.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int bulkRequests() {
        return bulkRequests.get();
    }

    public int rejectedRequests() {
        return rejectedRequests.get();
    }

    public int rejectedItems() {
        return rejectedItems.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer answer = Answer.PASS;
            if (exchange.getRequestURI().getPath().endsWith("/_bulk")) {
                List<Answer> current = plan;
                answer = current.get(bulkRequests.getAndIncrement() % current.size());
            }
            boolean aliasUpdate = exchange.getRequestURI().getPath().endsWith("/_aliases") && !"GET".equals(exchange.getRequestMethod());
            if (aliasUpdate && aliasUpdatesLeft.getAndDecrement() <= 0) {
                respond(exchange, 503, """
                        {"error":{"root_cause":[{"type":"fault_injection","reason":"alias update refused by the fault-injecting proxy"}],\
                        "type":"fault_injection","reason":"alias update refused by the fault-injecting proxy"},"status":503}""");
                return;
            }
            if (refuseDeletions && "DELETE".equals(exchange.getRequestMethod())) {
                refusedDeletions.incrementAndGet();
                respond(exchange, 503, """
                        {"error":{"root_cause":[{"type":"fault_injection","reason":"deletion refused by the fault-injecting proxy"}],\
                        "type":"fault_injection","reason":"deletion refused by the fault-injecting proxy"},"status":503}""");
                return;
            }
            if (answer == Answer.REJECT_REQUEST) {
                rejectedRequests.incrementAndGet();
                respond(exchange, 429, """
                        {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected by the fault-injecting proxy"}],\
                        "type":"es_rejected_execution_exception","reason":"rejected by the fault-injecting proxy"},"status":429}""");
                return;
            }
            HttpResponse<byte[]> response;
            try {
                response = relay(exchange, body);
            } catch (IOException | InterruptedException unreachable) {
                respond(exchange, 502, "{\"error\":\"the proxy could not reach Elasticsearch\",\"status\":502}");
                return;
            }
            if (answer == Answer.REJECT_HALF_THE_ITEMS && response.statusCode() == 200) {
                respond(exchange, 200, halfRejected(new String(body, StandardCharsets.UTF_8)));
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            send(exchange, response.statusCode(), response.body());
        }
    }

    private HttpResponse<byte[]> relay(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A bulk response for the request's actions: odd items rejected with 429, even ones created. */
    private String halfRejected(String ndjson) {
        StringBuilder items = new StringBuilder();
        String[] lines = ndjson.split("\n");
        int item = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher action = ACTION.matcher(lines[i]);
            if (!action.find()) {
                continue;
            }
            String op = action.group(1);
            String index = find(INDEX, lines[i]);
            String id = find(ID, lines[i]);
            if (!"delete".equals(op)) {
                i++; // the document line
            }
            boolean rejected = item++ % 2 == 1;
            if (rejected) {
                rejectedItems.incrementAndGet();
            }
            items.append(items.length() == 0 ? "" : ",").append("{\"").append(op).append("\":{\"_index\":\"").append(index)
                    .append("\",\"_id\":\"").append(id).append("\",\"status\":").append(rejected ? 429 : 201)
                    .append(rejected
                            ? ",\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"rejected by the fault-injecting proxy\"}"
                            : ",\"result\":\"created\",\"_version\":1,\"_seq_no\":0,\"_primary_term\":1,"
                                    + "\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}")
                    .append("}}");
        }
        return "{\"took\":1,\"errors\":true,\"items\":[" + items + "]}";
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-elastic-product", "Elasticsearch");
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
