package dev.shoecatalog.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * JVM settings for the many short job runs of a test suite, where a run of a few thousand rows spends
 * most of its time loading Spark's classes and compiling code it runs once: the client compiler only,
 * and an application class-data archive of the classes a run loads (made by the first run that asks
 * for one, then mapped by every later run). A class-data archive takes jars only, so the job's
 * compiled classes are packed into a jar named by their content; the archive beside it goes stale
 * with it. Benchmarks do not use this: they measure the job as deployed.
 */
final class ShortRunJvm {

    private final Path classesJar;
    private final Path archive;

    private ShortRunJvm(Path classesJar) {
        this.classesJar = classesJar;
        this.archive = Path.of(classesJar.toString().replaceAll("\\.jar$", ".jsa"));
    }

    /** For the job's classes in {@code classes}, packed once per content under {@code target}/short-run. */
    static synchronized ShortRunJvm of(Path target, Path classes) {
        try {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            CRC32 digest = new CRC32();
            for (Path file : files) {
                digest.update(classes.relativize(file).toString().getBytes());
                digest.update(Files.readAllBytes(file));
            }
            Path jar = target.resolve("short-run").resolve("ingest-job-classes-" + Long.toHexString(digest.getValue()) + ".jar");
            if (!Files.exists(jar)) {
                pack(classes, files, jar);
            }
            return new ShortRunJvm(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + classes, e);
        }
    }

    Path classesJar() {
        return classesJar;
    }

    /** Whether a run should make the archive: none exists yet. */
    boolean needsArchive() {
        return !Files.exists(archive);
    }

    /** Options for a run; {@code archiveOut} (or null) is where a run that makes the archive writes it. */
    List<String> options(Path archiveOut) {
        String share = archiveOut != null ? "-XX:ArchiveClassesAtExit=" + archiveOut
                : Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-Xshare:auto";
        // -Xlog:cds=off: a stale archive is ignored without a warning in the job's output, which tests read.
        return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", share, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** A unique name for a run that makes the archive; {@link #keep} moves it into place when the run ended. */
    Path archiveInProgress() {
        return archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime());
    }

    void keep(Path madeArchive) {
        try {
            if (Files.exists(madeArchive)) {
                Files.move(madeArchive, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + madeArchive, e);
        }
    }

    private static void pack(Path classes, List<Path> files, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Path partial = Files.createTempFile(jar.getParent(), "classes", ".partial");
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream packed = new JarOutputStream(out)) {
            for (Path file : files) {
                packed.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, packed);
                packed.closeEntry();
            }
        }
        Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
