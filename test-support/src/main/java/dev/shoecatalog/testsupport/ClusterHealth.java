package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Waits for {@code _cluster/health} to report yellow or green. (The test distribution answers
 * {@code GET /} with 405, so that is no health check.)
 */
public final class ClusterHealth {

    private ClusterHealth() {
    }

    public static void await(ElasticsearchEndpoint endpoint, Duration timeout) {
        HttpClient client = client(endpoint);
        HttpRequest request = request(endpoint, "/_cluster/health?wait_for_status=yellow&timeout=2s").build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException(endpoint + " not healthy within " + timeout + ": " + last);
    }

    /** An HTTP client that trusts the endpoint's CA, if it has one. */
    public static HttpClient client(ElasticsearchEndpoint endpoint) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (endpoint.caCert() != null) {
            builder.sslContext(PemTrust.sslContext(endpoint.caCert()));
        }
        return builder.build();
    }

    /** A request to a path of the endpoint, with basic authentication when it has a user. */
    public static HttpRequest.Builder request(ElasticsearchEndpoint endpoint, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.url() + path)).timeout(Duration.ofSeconds(30));
        if (endpoint.username() != null) {
            String credentials = endpoint.username() + ":" + endpoint.password();
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
