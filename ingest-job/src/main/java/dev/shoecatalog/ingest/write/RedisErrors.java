package dev.shoecatalog.ingest.write;

import java.util.Set;

import redis.clients.jedis.exceptions.JedisDataException;

/** Which errors Redis answers are worth the same command again a little later. */
final class RedisErrors {

    /**
     * Loading its data set, a busy script, a slot in migration or moved (a pipeline does not follow
     * redirections; the retry's new cluster client reads the slots again), a cluster or replica failing over.
     */
    private static final Set<String> TRANSIENT = Set.of("LOADING", "BUSY", "TRYAGAIN", "CLUSTERDOWN", "MASTERDOWN", "READONLY",
            "MOVED", "ASK");

    private RedisErrors() {
    }

    static boolean isTransient(JedisDataException error) {
        String message = error.getMessage();
        if (message == null) {
            return false;
        }
        int space = message.indexOf(' ');
        return TRANSIENT.contains(space < 0 ? message : message.substring(0, space));
    }
}
