package dev.shoecatalog.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The datasets tests load: the project's sample, and the real seed file when it is present. */
public final class Datasets {

    private Datasets() {
    }

    public static Path sample() {
        return Path.of(System.getProperty("test.sample.dataset", "../dataset/sample"));
    }

    /** The variable naming the directory of the real Datafiniti export, which is not ours to put in the repository. */
    public static final String SEED_VARIABLE = "SHOES_SEED_DATASET";
    static final String SEED_FILE = "Datafiniti_Womens_Shoes_Jun19.csv";

    /** The real Datafiniti extract, when {@value #SEED_VARIABLE} names a directory that holds it. */
    public static Optional<Path> seed() {
        return Optional.ofNullable(System.getenv(SEED_VARIABLE)).filter(value -> !value.isBlank()).map(Path::of)
                .filter(path -> Files.exists(path.resolve(SEED_FILE)));
    }

    /** Why {@link #seed} is empty, for a test's skip message. */
    public static String seedMissing() {
        return "the real Datafiniti export is not available: set " + SEED_VARIABLE + " to a directory holding " + SEED_FILE
                + (System.getenv(SEED_VARIABLE) == null ? "" : " (it is set to '" + System.getenv(SEED_VARIABLE) + "')");
    }
}
