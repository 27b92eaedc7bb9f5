package dev.shoecatalog.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.ExpectedCatalog;
import dev.shoecatalog.testsupport.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image runs {@code spark-submit} with Spark's own jars first and the job's shaded jar
 * after them. This launches the packaged shaded jar exactly that way (SparkSubmit on Spark's runtime
 * jars, the job jar as the application) and checks the load, so a library that Spark also ships cannot
 * silently replace the one the job needs.
 */
class SparkSubmitClasspathIT {

    @TempDir
    Path dir;

    @Test
    void shadedJarLoadsBothStoresUnderSparkSubmit() throws Exception {
        Path target = Path.of(System.getProperty("test.job.target", "target"));
        Path shadedJar;
        try (var jars = Files.list(target)) {
            shadedJar = jars.filter(jar -> jar.getFileName().toString().endsWith("-spark.jar")).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(Files.readString(target.resolve("jvm-options.txt")).strip().split("\\s+")));
        command.addAll(List.of("-Dlog4j2.configurationFile=" + target.resolve("log4j2.properties"),
                "-cp", Files.readString(Path.of(System.getProperty("test.spark.runtime.classpath"))).strip(),
                "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]", "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--class", "dev.shoecatalog.ingest.IngestJob", shadedJar.toString(),
                "--dataset", Datasets.sample().toString(), "--rejects", dir.toString(),
                "--redis-url", TestStores.redisUrl(), "--elasticsearch-hosts", TestStores.elasticsearch().url()));
        Path log = dir.resolve("spark-submit.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(tail(log)).isZero();
        try (StoreReader stores = new StoreReader(TestStores.redisUrl(), TestStores.elasticsearch())) {
            ExpectedCatalog expected = ExpectedCatalog.of(Datasets.sample());
            assertThat(stores.redisIds()).isEqualTo(expected.ids());
            assertThat(stores.elasticLatest(null, 20)).isEqualTo(expected.latest(null, 20));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
