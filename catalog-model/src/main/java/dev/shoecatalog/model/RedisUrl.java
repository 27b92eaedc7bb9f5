package dev.shoecatalog.model;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * {@code redis://[[user]:password@]host[:port][/db]} or {@code rediss://} (TLS), as the job, the service
 * and the Helm chart take it in {@code REDIS_URL}. User and password are percent-decoded, so any
 * character can be given escaped. Parsed here, not with {@link java.net.URI}, because a URL that does
 * not parse must never be echoed: it holds a password. Error messages name the part that is wrong and
 * never repeat the input; {@link #toString} shows no credential.
 */
public record RedisUrl(boolean tls, String user, String password, String host, int port, int database) implements Serializable {

    public static final int DEFAULT_PORT = 6379;

    /** Parses a URL; {@code name} (e.g. "REDIS_URL") is used in error messages in place of the value. */
    public static RedisUrl parse(String url, String name) {
        if (url == null || url.isBlank()) {
            throw invalid(name, "it is empty");
        }
        String text = url.strip();
        boolean tls;
        if (text.regionMatches(true, 0, "rediss://", 0, 9)) {
            tls = true;
            text = text.substring(9);
        } else if (text.regionMatches(true, 0, "redis://", 0, 8)) {
            tls = false;
            text = text.substring(8);
        } else {
            throw invalid(name, "it must start with redis:// or rediss://");
        }
        int slash = text.indexOf('/');
        String authority = slash < 0 ? text : text.substring(0, slash);
        String path = slash < 0 ? "" : text.substring(slash + 1);
        // The password may contain '@' only escaped; the last '@' ends the user information all the same.
        int at = authority.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? "" : userInfo.substring(0, colon);
            String rawPassword = colon < 0 ? userInfo : userInfo.substring(colon + 1);
            user = rawUser.isEmpty() ? null : decode(rawUser, name, "user");
            password = rawPassword.isEmpty() ? null : decode(rawPassword, name, "password");
        }
        HostPort hostPort = hostPort(authority, name);
        return new RedisUrl(tls, user, password, hostPort.host, hostPort.port, database(path, name));
    }

    /**
     * The seed URLs of a Redis Cluster, comma-separated, each parsed as {@link #parse} does; the user and
     * password given separately (which win) or else the first URL's apply to every node.
     */
    public static java.util.List<RedisUrl> parseSeeds(String urls, String name, String user, String password) {
        java.util.List<RedisUrl> seeds = new java.util.ArrayList<>();
        for (String one : urls == null ? new String[] {null} : urls.split(",")) {
            RedisUrl parsed = parse(one, name);
            seeds.add(seeds.isEmpty() ? parsed.withCredentials(user, password)
                    : parsed.withCredentials(seeds.get(0).user(), seeds.get(0).password()));
        }
        return java.util.List.copyOf(seeds);
    }

    private record HostPort(String host, int port) {
    }

    private static HostPort hostPort(String authority, String name) {
        String host = authority;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid(name, "an IPv6 host must be closed with ]");
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw invalid(name, "only :port may follow the host");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            }
        }
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':')) {
            throw invalid(name, "the host is missing or holds a character a host name cannot"
                    + " (a password with @ : / # % or a space must be percent-encoded)");
        }
        return new HostPort(host, port == null ? DEFAULT_PORT : number(port, name, "port", 1, 65_535));
    }

    private static int database(String path, String name) {
        int end = path.indexOf('?');
        String db = end < 0 ? path : path.substring(0, end);
        return db.isEmpty() ? 0 : number(db, name, "database number", 0, Integer.MAX_VALUE);
    }

    private static int number(String text, String name, String what, int min, int max) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(name, "the " + what + " is not a number");
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw invalid(name, "the " + what + " is out of range");
        }
        return (int) value;
    }

    /** Percent-decoding as in a URI: '+' stays '+'; a bad escape is an error that does not show the text. */
    private static String decode(String text, String name, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw invalid(name, "the " + what + " holds a % that does not start an escape like %40"
                            + " (write % itself as %25)");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c <= ' ' || c == '/' || c == '#' || c == '?' || c == '@') {
                throw invalid(name, "the " + what + " holds a character that must be percent-encoded"
                        + " (a space, / # ? or @)");
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String name, String reason) {
        return new IllegalArgumentException(name + " is not a valid redis:// or rediss:// URL: " + reason);
    }

    /**
     * The same URL with the user and password given separately ({@code REDIS_USERNAME},
     * {@code REDIS_PASSWORD}), which win over the URL's own: a password kept out of the URL needs no escaping.
     */
    public RedisUrl withCredentials(String otherUser, String otherPassword) {
        return new RedisUrl(tls, isBlank(otherUser) ? user : otherUser, isBlank(otherPassword) ? password : otherPassword,
                host, port, database);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isEmpty();
    }

    /** The URL again, with user and password percent-encoded: what a client library that parses URLs is given. */
    public String toUrlWithCredentials() {
        StringBuilder url = new StringBuilder(tls ? "rediss://" : "redis://");
        if (user != null || password != null) {
            url.append(user == null ? "" : encode(user)).append(':').append(password == null ? "" : encode(password)).append('@');
        }
        return url.append(redactedAuthority()).append('/').append(database).toString();
    }

    /** Where the URL points, without credentials: for messages. */
    public String redacted() {
        return (tls ? "rediss://" : "redis://") + redactedAuthority() + (database == 0 ? "" : "/" + database);
    }

    private String redactedAuthority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "RedisUrl[" + redacted() + (user == null ? "" : ", user " + user) + "]";
    }
}
