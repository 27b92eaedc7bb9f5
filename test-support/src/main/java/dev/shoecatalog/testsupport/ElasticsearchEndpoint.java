package dev.shoecatalog.testsupport;

import java.nio.file.Path;

/**
 * How to reach an Elasticsearch server: its URL and, for a secured one, a user and the CA to trust.
 *
 * @param caCert PEM file of the CA that signed the server's certificate, or null for plain http
 */
public record ElasticsearchEndpoint(String url, String username, String password, Path caCert) {

    public static ElasticsearchEndpoint plain(String url) {
        return new ElasticsearchEndpoint(url, null, null, null);
    }

    @Override
    public String toString() {
        return "ElasticsearchEndpoint[" + url + (username == null ? "" : ", user " + username) + "]";
    }
}
