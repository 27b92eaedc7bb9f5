package dev.shoecatalog.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A line break inside a quoted cell is found, and nothing else is taken for one. */
class QuotedLineBreaksTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("plain lines", "a,b\nc,d\n", false),
                Arguments.of("quoted cells on one line", "\"a\",\"b, c\"\r\n\"d\",e\r\n", false),
                Arguments.of("doubled quotes on one line", "\"say \"\"hi\"\"\",x\n", false),
                Arguments.of("a quote inside an unquoted cell", "5\" heel,\"x\"\ny,z\n", false),
                Arguments.of("a stray quote before a quoted break", "a,5\" heel,\"line\nbreak\"\n", true),
                Arguments.of("a line break in a quoted cell", "a,\"two\nlines\"\n", true),
                Arguments.of("a carriage return in a quoted cell", "a,\"two\rlines\"\n", true),
                Arguments.of("a break after a doubled quote", "a,\"x\"\"\ny\"\n", true),
                Arguments.of("an unterminated quote", "a,\"never closed", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void findsLineBreaksInQuotedCellsOnly(String what, String csv, boolean expected) throws IOException {
        assertThat(QuotedLineBreaks.in(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))).as(what).isEqualTo(expected);
    }
}
