package dev.shoecatalog.ingest.read;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed read of the CSV files into what the user can act on, when it is the data's fault. */
public final class ReadFailures {

    private static final Pattern FILE = Pattern.compile("while reading file (\\S+?)\\.?\\s");

    private ReadFailures() {
    }

    /**
     * A {@link DatasetException} naming the file when the parser stopped at a cell longer than
     * {@code maxCellChars} (univocity's {@code TextParsingException}); empty for any other failure.
     */
    public static Optional<DatasetException> explain(Throwable failure, int maxCellChars) {
        String file = null;
        boolean cellTooLong = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = FILE.matcher(String.valueOf(t.getMessage()) + " ");
            if (file == null && m.find()) {
                file = m.group(1);
            }
            cellTooLong |= t.getClass().getName().equals("com.univocity.parsers.common.TextParsingException");
        }
        if (!cellTooLong) {
            return Optional.empty();
        }
        return Optional.of(new DatasetException((file == null ? "a file" : file) + " has a cell longer than --max-cell-chars "
                + maxCellChars + " characters (an unterminated quote reads the rest of its file as one cell); fix the file,"
                + " or raise --max-cell-chars if such cells are real"));
    }
}
