package dev.shoecatalog.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the Helm chart ({@code helm/shoe-catalog/files}) that the tests load into real servers. */
public final class ChartFiles {

    private ChartFiles() {
    }

    /** A file of the chart's {@code files/} folder, found from the module the tests run in. */
    public static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("helm/shoe-catalog/files").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("helm/shoe-catalog/files/" + name + " not found above the working directory");
    }
}
