package dev.shoecatalog.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Which files hold a quoted cell that spans lines. Those must be parsed whole, by one task
 * ({@code multiLine}); the others can be split by lines and parsed by every core. One pass over the
 * bytes, far cheaper than parsing: a quote opens a quoted cell only at the start of a cell, a doubled
 * quote inside one is a quote (the job's {@code escape}), and a line break inside one is what is
 * looked for. An unterminated quote counts as one too, so such a file is parsed whole, as before.
 */
public final class QuotedLineBreaks {

    private QuotedLineBreaks() {
    }

    private static final int CELL_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    /** Whether the CSV text has a line break inside a quoted cell. */
    public static boolean in(InputStream csv) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int state = CELL_START;
        for (int read = csv.read(buffer); read >= 0; read = csv.read(buffer)) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                boolean lineBreak = b == '\n' || b == '\r';
                switch (state) {
                    case CELL_START -> state = b == '"' ? QUOTED : (b == ',' || lineBreak) ? CELL_START : UNQUOTED;
                    case UNQUOTED -> state = (b == ',' || lineBreak) ? CELL_START : UNQUOTED;
                    case QUOTED -> {
                        if (lineBreak) {
                            return true;
                        }
                        state = b == '"' ? QUOTE_IN_QUOTED : QUOTED;
                    }
                    default -> state = b == '"' ? QUOTED : (b == ',' || lineBreak) ? CELL_START : UNQUOTED;
                }
            }
        }
        return state == QUOTED;
    }

    /**
     * The files larger than {@code splitBytes} (smaller ones are one task however they are read) that
     * have no quoted line break, so can be split: scanned by the executors, one task per file.
     */
    public static Set<String> splittable(SparkSession spark, List<CsvFile> files, long splitBytes) {
        List<String> large = files.stream().filter(file -> file.bytes() > splitBytes).map(CsvFile::path).toList();
        if (large.isEmpty()) {
            return Set.of();
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf =
                context.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
        List<String> splittable = context.parallelize(large, large.size())
                .filter(path -> {
                    Path file = new Path(path);
                    try (InputStream in = file.getFileSystem(conf.value().value()).open(file)) {
                        return !in(in);
                    }
                })
                .collect();
        return Set.copyOf(splittable);
    }
}
