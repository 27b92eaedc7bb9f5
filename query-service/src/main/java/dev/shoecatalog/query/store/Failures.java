package dev.shoecatalog.query.store;

/** Describes a client failure for an answer or a log line without naming hosts or credentials. */
final class Failures {

    private Failures() {
    }

    /** The kind of the innermost cause, e.g. {@code ConnectException}, {@code TimeoutException}. */
    static String kind(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
