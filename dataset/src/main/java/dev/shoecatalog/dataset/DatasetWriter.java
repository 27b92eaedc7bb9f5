package dev.shoecatalog.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a dataset: {@code files} CSVs cycling through the {@link CsvLayout}s, each product in one
 * file and repeated over several rows, a share of rows that the ingest job must reject. Streams row
 * by row, so it scales to millions of rows; the same seed gives the same bytes.
 */
public final class DatasetWriter {

    private final long seed;
    private final double rejectShare;
    private final double rowsPerProduct;

    public DatasetWriter(long seed, double rejectShare, double rowsPerProduct) {
        this.seed = seed;
        this.rejectShare = rejectShare;
        this.rowsPerProduct = rowsPerProduct;
    }

    /** Writes the files and returns their paths. */
    public List<Path> write(Path directory, long rows, int files) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        CsvLayout[] layouts = CsvLayout.values();
        int firstProduct = 0;
        for (int file = 0; file < files; file++) {
            CsvLayout layout = layouts[file % layouts.length];
            long fileRows = rows / files + (file < rows % files ? 1 : 0);
            int products = (int) Math.max(1, Math.round(fileRows / rowsPerProduct));
            Path path = directory.resolve(layout.fileName(file / layouts.length));
            writeFile(path, layout, fileRows, firstProduct, products, new Random(seed + file));
            firstProduct += products;
            written.add(path);
        }
        return written;
    }

    private void writeFile(Path path, CsvLayout layout, long rows, int firstProduct, int productCount, Random random)
            throws IOException {
        ProductFactory productFactory = new ProductFactory(random);
        List<Product> products = new ArrayList<>(productCount);
        for (int i = 0; i < productCount; i++) {
            products.add(productFactory.make(firstProduct + i));
        }
        RowFactory rowFactory = new RowFactory(random);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path),
                StandardCharsets.UTF_8), 1 << 16)) {
            if (layout.byteOrderMark()) {
                out.write('\uFEFF');
            }
            CsvWriter csv = new CsvWriter(out, layout.lineEnd());
            csv.write(layout.header());
            for (long row = 0; row < rows; row++) {
                // Every product gets a row first, then products repeat at random.
                Product product = row < productCount ? products.get((int) row) : products.get(random.nextInt(productCount));
                RowFactory.Reject reject = pickReject(random);
                Map<String, String> values = rowFactory.row(product, reject);
                List<String> fields = layout.values(values);
                if (reject == RowFactory.Reject.EXTRA_FIELD) {
                    List<String> quoted = fields.stream().map(CsvWriter::quote).toList();
                    csv.writeRaw(String.join(",", quoted) + ",unexpected extra field");
                } else {
                    csv.write(fields);
                }
            }
        }
    }

    private RowFactory.Reject pickReject(Random random) {
        if (random.nextDouble() >= rejectShare) {
            return RowFactory.Reject.NONE;
        }
        RowFactory.Reject[] kinds = RowFactory.Reject.values();
        return kinds[1 + random.nextInt(kinds.length - 1)];
    }
}
