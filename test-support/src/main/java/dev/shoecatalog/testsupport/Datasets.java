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

    /** The real Datafiniti extract, when the checkout has it beside the project. */
    public static Optional<Path> seed() {
        String configured = System.getProperty("test.seed.dataset");
        return Optional.ofNullable(configured).map(Path::of).filter(path -> Files.isDirectory(path))
                .filter(path -> Files.exists(path.resolve("Datafiniti_Womens_Shoes_Jun19.csv")));
    }
}
