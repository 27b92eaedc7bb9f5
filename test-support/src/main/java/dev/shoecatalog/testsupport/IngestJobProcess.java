package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the ingest job as its own process, the way {@code bin/run-local} does, from the built
 * {@code ingest-job/target} (system property {@code test.ingest.job.target}). Spark never shares a
 * classpath with the caller. Test runs start with {@link ShortRunJvm}'s settings; benchmarks use
 * {@link #startAsDeployed}.
 */
public final class IngestJobProcess {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private IngestJobProcess() {
    }

    /** Runs the job with these options and returns its exit code; its output goes to the test logs. */
    public static int run(String... args) {
        return run(TestStores.logDir().resolve("ingest-job-runs.log"), Map.of(), args);
    }

    /** Starts the job with these options, its output appended to {@code log}; the caller waits for it. */
    public static Process start(Path log, String... args) {
        return start(log, Map.of(), args);
    }

    /** Runs the job with these environment variables and options, output appended to {@code log}; returns its exit code. */
    public static int run(Path log, Map<String, String> environment, String... args) {
        ShortRunJvm jvm = shortRunJvm();
        Path archive = jvm.needsArchive() ? jvm.archiveInProgress() : null;
        Process process = start(log, environment, jvm.classesJar().toString(), jvm.options(archive), args);
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                Processes.stop(process.pid(), Duration.ofSeconds(10));
                throw new IllegalStateException("the ingest job did not end within " + TIMEOUT + " (see " + log + ")");
            }
            if (archive != null) {
                jvm.keep(archive);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the job with these environment variables (added to this process's) and options. */
    public static Process start(Path log, Map<String, String> environment, String... args) {
        ShortRunJvm jvm = shortRunJvm();
        return start(log, environment, jvm.classesJar().toString(), jvm.options(null), args);
    }

    /** Starts the job with the JVM settings it is deployed with, for measurements. */
    public static Process startAsDeployed(Path log, String... args) {
        return start(log, Map.of(), target().resolve("classes").toString(), List.of(), args);
    }

    /**
     * Starts another main class on the job's deployed classpath and JVM settings, with
     * {@code classes} in front, e.g. a benchmark's own Spark program measured beside the job.
     */
    public static Process startMainAsDeployed(Path log, String mainClass, String classes, String... args) {
        return start(log, Map.of(), classes + ":" + target().resolve("classes"), List.of(), mainClass, args);
    }

    private static Process start(Path log, Map<String, String> environment, String classes, List<String> jvmOptions,
                                 String... args) {
        return start(log, environment, classes, jvmOptions, "dev.shoecatalog.ingest.IngestJob", args);
    }

    private static Process start(Path log, Map<String, String> environment, String classes, List<String> jvmOptions,
                                 String mainClass, String... args) {
        Path target = target();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(read(target.resolve("jvm-options.txt")).split("\\s+")));
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + target.resolve("log4j2.properties"));
        command.add("-cp");
        command.add(classes + ":" + read(target.resolve("classpath.txt")) + ":" + read(target.resolve("spark-classpath.txt")));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the ingest job", e);
        }
    }

    private static Path target() {
        return Path.of(System.getProperty("test.ingest.job.target", "../ingest-job/target"));
    }

    private static ShortRunJvm shortRunJvm() {
        Path target = target();
        if (!Files.isDirectory(target.resolve("classes"))) {
            throw new IllegalStateException("build ingest-job first (" + target.resolve("classes") + " is missing)");
        }
        return ShortRunJvm.of(target, target.resolve("classes"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("build ingest-job first (" + file + " is missing)", e);
        }
    }
}
