package dev.shoecatalog.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/shoe-catalog.yaml is the chart rendered with k8s/values.yaml, never a second copy written by
 * hand: this fails when the two drift apart, and {@code bin/regenerate} (-Dk8s.render=write) renders it again.
 */
class PlainManifestsTest {

    static final String HEADER = """
            # Rendered from helm/shoe-catalog with k8s/values.yaml by bin/regenerate: do not edit, change the
            # chart or the values and render again (a deploy test fails while this file differs from the render).
            """;

    static String render() {
        return HEADER + Sources.template().withName("shoe-catalog").withNamespace("shoes")
                .withValuesFile(Sources.root().resolve("k8s/values.yaml")).call();
    }

    @Test
    void k8sIsTheChartsRenderOfItsValuesFile() throws IOException {
        Path committed = Sources.root().resolve("k8s/shoe-catalog.yaml");
        String rendered = render();
        if ("write".equals(System.getProperty("k8s.render"))) {
            Files.writeString(committed, rendered);
        }
        assertThat(Files.readString(committed))
                .as("k8s/shoe-catalog.yaml is not the chart's render of k8s/values.yaml: run bin/regenerate")
                .isEqualTo(rendered);
    }

    /** One copy of the chart's files: k8s/ takes its ConfigMaps from the render. */
    @Test
    void nothingOfTheChartIsCopiedIntoK8s() throws IOException {
        try (Stream<Path> files = Files.walk(Sources.chart().resolve("files"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (Stream<Path> k8s = Files.walk(Sources.root().resolve("k8s"))) {
                    assertThat(k8s.filter(Files::isRegularFile).map(Path::getFileName))
                            .as("a copy of the chart's " + file.getFileName() + " in k8s/")
                            .doesNotContain(file.getFileName());
                }
            }
        }
    }
}
