package dev.shoecatalog.ingest.read;

import java.io.Serializable;
import java.util.List;

/** One CSV file of the dataset: its path, its size in bytes and its header cells. */
public record CsvFile(String path, long bytes, List<String> header) implements Serializable {

    public CsvFile {
        header = List.copyOf(header);
    }
}
