package dev.shoecatalog.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code ELASTICSEARCH_HOSTS}: {@code http(s)://host[:port]} (a bare {@code host:port}
 * means http). Credentials have their own variables, so a URL with user information is refused, and
 * like every error here without repeating the text it was given.
 */
public record ElasticsearchUrl(boolean https, String host, int port) implements Serializable {

    public static final int DEFAULT_PORT = 9200;

    /** Every non-blank entry of a comma-separated list; all must share one scheme. */
    public static List<ElasticsearchUrl> parseAll(List<String> entries, String name) {
        List<ElasticsearchUrl> urls = new ArrayList<>();
        for (String entry : entries) {
            for (String one : entry.split(",")) {
                if (!one.isBlank()) {
                    urls.add(parse(one, name));
                }
            }
        }
        if (urls.isEmpty()) {
            throw invalid(name, "no host is given");
        }
        if (urls.stream().map(ElasticsearchUrl::https).distinct().count() > 1) {
            throw invalid(name, "it mixes http and https");
        }
        return List.copyOf(urls);
    }

    public static ElasticsearchUrl parse(String url, String name) {
        String text = url.strip();
        boolean https = false;
        if (text.regionMatches(true, 0, "https://", 0, 8)) {
            https = true;
            text = text.substring(8);
        } else if (text.regionMatches(true, 0, "http://", 0, 7)) {
            text = text.substring(7);
        } else if (text.contains("://")) {
            throw invalid(name, "a host must start with http:// or https://");
        }
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.indexOf('@') >= 0) {
            throw invalid(name, "a host must not hold credentials: give them in ELASTICSEARCH_USERNAME and"
                    + " ELASTICSEARCH_PASSWORD, or ELASTICSEARCH_API_KEY");
        }
        String host = text;
        String port = null;
        int colon = text.lastIndexOf(':');
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            host = close < 0 ? "" : text.substring(0, close + 1);
            port = close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == ':' ? text.substring(close + 2) : null;
        } else if (colon >= 0) {
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || ".-_:[]".indexOf(c) >= 0)) {
            throw invalid(name, "a host is missing or holds a character a host name cannot (no path is allowed)");
        }
        return new ElasticsearchUrl(https, host, port == null ? DEFAULT_PORT : port(port, name));
    }

    private static int port(String text, String name) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65_535) {
            throw invalid(name, "a port is not a number from 1 to 65535");
        }
        return Integer.parseInt(text);
    }

    private static IllegalArgumentException invalid(String name, String reason) {
        return new IllegalArgumentException(name + " is not a valid list of http(s)://host:port: " + reason);
    }

    public String scheme() {
        return https ? "https" : "http";
    }

    /** {@code host:port}, as the Quarkus client takes hosts. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return scheme() + "://" + hostAndPort();
    }
}
