package dev.shoecatalog.ingest.read;

/** The dataset cannot be loaded at all: missing path, no CSV file, no usable column or row. */
public final class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }
}
