package dev.shoecatalog.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.shoecatalog.ingest.report.LoadProgress;
import dev.shoecatalog.testsupport.Datasets;
import dev.shoecatalog.testsupport.TestStores;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A load says each stage as it starts and ends (with its rows or products); --quiet says none of it; a bad interval is refused. */
class ProgressLinesTest {

    @TempDir
    Path dir;

    @Test
    void everyStageIsSaidWithItsCountsUnlessQuiet() {
        JobRunner job = new JobRunner(TestStores.redisUrl(), TestStores.elasticsearch(), dir);
        List<String> lines = captured(() -> assertThat(job.run(Datasets.sample())).isZero());
        assertThat(lines).contains("connect: started", "read: started", "normalize: started", "write-redis: started",
                "write-elasticsearch: started", "swap: started");
        assertThat(lines).anyMatch(line -> line.matches("read: done in [\\d.]+ s, [1-9][\\d,]* rows"))
                .anyMatch(line -> line.matches("write-redis: done in [\\d.]+ s, [1-9][\\d,]* products"))
                .anyMatch(line -> line.matches("write-elasticsearch: done in [\\d.]+ s, [1-9][\\d,]* products"));

        assertThat(captured(() -> assertThat(job.run(Datasets.sample(), "--quiet")).isZero())).isEmpty();
    }

    @Test
    void aProgressIntervalUnderOneSecondIsRefused() {
        assertThat(IngestJob.execute("--progress-seconds", "0", "--dataset", dir.toString())).isEqualTo(2);
    }

    private static List<String> captured(Runnable run) {
        List<String> lines = new CopyOnWriteArrayList<>();
        AbstractAppender appender = new AbstractAppender("progress-lines", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        Logger logger = (Logger) LogManager.getLogger(LoadProgress.class);
        logger.addAppender(appender);
        try {
            run.run();
        } finally {
            logger.removeAppender(appender);
            appender.stop();
        }
        return lines;
    }
}
