package dev.shoecatalog.ingest.report;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one line a failed run ends with. Spark wraps a task's failure in exceptions whose messages hold
 * the whole remote stack trace; the line is the first message in the cause chain that is not such a
 * wrapper (the job's own messages name the store or file), cut at its first line break.
 */
public final class FailureMessage {

    private FailureMessage() {
    }

    public static String of(Throwable failure) {
        Throwable cause = failure;
        while (isWrapper(cause) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        } else if (isWrapper(cause) || namesItsTypeToo(cause)) {
            message = cause.getClass().getSimpleName() + ": " + message;
        }
        int lineEnd = message.indexOf('\n');
        return (lineEnd >= 0 ? message.substring(0, lineEnd) : message).strip();
    }

    /** A client's or the platform's I/O exception, whose message alone ("Connection reset") does not say what failed. */
    private static boolean namesItsTypeToo(Throwable t) {
        String type = t.getClass().getName();
        return type.startsWith("redis.clients.") || type.startsWith("java.io.") || type.startsWith("java.net.")
                || type.startsWith("java.util.concurrent.") || type.startsWith("org.elasticsearch.") || type.startsWith("co.elastic.");
    }

    private static boolean isWrapper(Throwable t) {
        boolean onlyNamesItsCause = t.getCause() != null && t.getCause().toString().equals(t.getMessage());
        return onlyNamesItsCause || t.getClass().getName().startsWith("org.apache.spark.") || t instanceof CompletionException
                || t instanceof ExecutionException || t.getClass().getName().startsWith("scala.");
    }
}
