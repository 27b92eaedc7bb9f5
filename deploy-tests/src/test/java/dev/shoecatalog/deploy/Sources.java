package dev.shoecatalog.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;

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

    static Rendered chart(String valuesFile) {
        var template = new Helm(chart()).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            template.withValuesFile(chart().resolve(valuesFile));
        }
        // What a user passes on the command line; test values, not credentials of anything.
        template.set("redis.password", "test-only-redis").set("elasticsearch.password", "test-only-elastic");
        return new Rendered("chart " + (valuesFile == null ? "values.yaml" : valuesFile), template.call());
    }

    /** {@code kubectl kustomize k8s/}: the base must render with the kubectl of the machine. */
    static Rendered kustomize() {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", root().resolve("k8s").toString()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize k8s/ failed: " + err);
            }
            return new Rendered("k8s/ (kustomize)", out);
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl is needed to render k8s/", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
