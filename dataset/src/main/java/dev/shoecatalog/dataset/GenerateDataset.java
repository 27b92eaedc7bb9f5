package dev.shoecatalog.dataset;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: writes a Datafiniti-style shoe dataset. */
@Command(name = "generate-dataset", mixinStandardHelpOptions = true,
        description = "Writes Datafiniti-style women's shoe CSVs in three column layouts, "
                + "with repeated products, messy cells and some rows that must be rejected.")
public final class GenerateDataset implements Callable<Integer> {

    @Option(names = "--output", required = true, description = "Directory to write the CSV files to.")
    Path output;

    @Option(names = "--rows", defaultValue = "3000", description = "Total rows over all files (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--files", defaultValue = "3", description = "Number of files; layouts cycle (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--seed", defaultValue = "20190601", description = "Random seed; the same seed writes the same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reject-share", defaultValue = "0.01", description = "Share of rows made to be rejected (default: ${DEFAULT-VALUE}).")
    double rejectShare;

    @Option(names = "--rows-per-product", defaultValue = "3.5", description = "Average rows per product (default: ${DEFAULT-VALUE}).")
    double rowsPerProduct;

    @Override
    public Integer call() throws Exception {
        if (rows < files || files < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rows must be at least --files, and --files at least 1");
        }
        for (Path file : new DatasetWriter(seed, rejectShare, rowsPerProduct).write(output, rows, files)) {
            System.out.println("wrote " + file);
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateDataset()).execute(args));
    }
}
