package dev.shoecatalog.dataset;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes RFC 4180 records: fields with separators, quotes or line breaks are quoted, quotes doubled. */
final class CsvWriter {

    private final Writer out;
    private final String lineEnd;

    CsvWriter(Writer out, String lineEnd) {
        this.out = out;
        this.lineEnd = lineEnd;
    }

    void write(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write(lineEnd);
    }

    /** Writes a line as it is, e.g. a malformed record that a test needs. */
    void writeRaw(String line) throws IOException {
        out.write(line);
        out.write(lineEnd);
    }

    static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
