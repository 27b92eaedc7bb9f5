package dev.shoecatalog.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/** Every way the project renders Kubernetes objects: the kustomize base and the chart with each values file. */
final class Sources {

    record Rendered(String name, String yaml) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String RELEASE = "shoes";
    static final String NAMESPACE = "shoes";
    /** A Kubernetes version the chart supports, for rendering without a cluster. */
    static final String KUBE_VERSION = "1.31.0";

    private Sources() {
    }

    static Path root() {
        return Path.of(System.getProperty("project.root", ".."));
    }

    static Path chart() {
        return root().resolve("helm/shoe-catalog");
    }

    static Stream<Rendered> all() {
        return Stream.of(kustomize(), chart(null), chart("values-minikube.yaml"), chart("values-external.yaml"));
    }

    /** {@code helm template} of the chart as release {@link #RELEASE} in {@link #NAMESPACE}, lookups answered by {@link KubeApiStub}. */
    static TemplateCommand template() {
        KubeApiStub.ensureStarted();
        return new Helm(chart()).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
    }

    static Rendered chart(String valuesFile) {
        var template = template();
        if (valuesFile != null) {
            template.withValuesFile(chart().resolve(valuesFile));
        }
        // What a user passes on the command line; test values, not credentials of anything.
        template.set("redis.password", "test-only-redis").set("elasticsearch.password", "test-only-elastic");
        return new Rendered("chart " + (valuesFile == null ? "values.yaml" : valuesFile), template.call());
    }

    private static Rendered kustomized;

    /**
     * {@code kubectl kustomize} of a copy of k8s/ whose secret files were made by its own
     * {@code secrets/create.sh}, as a user makes them: the base must render with the kubectl of the machine.
     */
    static synchronized Rendered kustomize() {
        if (kustomized == null) {
            Path copy = copyOfK8s();
            run(List.of(copy.resolve("secrets/create.sh").toString()));
            kustomized = new Rendered("k8s/ (kustomize)", run(List.of("kubectl", "kustomize", copy.toString())));
        }
        return kustomized;
    }

    /** k8s/ as it is in the repository (no secret files), in a new temporary directory. */
    static Path copyOfK8s() {
        try {
            Path copy = Files.createTempDirectory("shoes-k8s-");
            Path k8s = root().resolve("k8s");
            try (Stream<Path> files = Files.walk(k8s)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(k8s.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command; its standard output, or an exception with its error output. */
    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new CommandFailed(command + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + " (kubectl and openssl are needed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class CommandFailed extends RuntimeException {
        CommandFailed(String message) {
            super(message);
        }
    }

    /** The YAML documents of a multi-document stream, without empty ones. */
    static List<String> documents(String yaml) {
        List<String> documents = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (!document.replaceAll("(?m)^\\s*#.*$", "").isBlank()) {
                documents.add(document);
            }
        }
        return documents;
    }
}
