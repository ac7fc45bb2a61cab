package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormattingTest {
  @Test
  void historyTimestampsAlwaysHaveThreeFractionDigits() {
    assertThat(Timestamps.millis(Instant.parse("2024-01-02T10:00:00Z"))).isEqualTo("2024-01-02T10:00:00.000Z");
    assertThat(Timestamps.millis(Instant.parse("2024-01-02T10:00:00.1239Z"))).isEqualTo("2024-01-02T10:00:00.123Z");
  }

  @Test
  void valuesShowTimestampsWithAsManyFractionDigitsAsNeeded() {
    assertThat(Values.text(Instant.parse("2024-01-02T10:00:00Z"))).isEqualTo("2024-01-02T10:00:00.000Z");
    assertThat(Values.text(Instant.parse("2024-01-02T10:00:00.000010Z"))).isEqualTo("2024-01-02T10:00:00.000010Z");
    assertThat(Values.text(LocalDateTime.parse("2024-01-02T10:00"))).isEqualTo("2024-01-02T10:00:00.000");
  }

  @Test
  void valuesShowDecimalsPlainBinaryAsBase64AndNestedAsJson() {
    assertThat(Values.text(new BigDecimal("1E-7"))).isEqualTo("0.0000001");
    assertThat(Values.text(ByteBuffer.wrap(new byte[] {1, 2, 3}))).isEqualTo("AQID");
    assertThat(Values.text(List.of(1L, 2L))).isEqualTo("[1,2]");
    assertThat(Values.text(Map.of("k", new BigDecimal("1E+3")))).isEqualTo("{\"k\":1000}");
    assertThat(Values.display(null)).isEqualTo("NULL").isNotEqualTo(Values.display("null"));
    assertThat(Values.display("a\tb\nc")).isEqualTo("a\\tb\\nc");
  }

  @Test
  void csvFieldsAreQuotedOnlyWhenNeeded() {
    assertThat(CsvRowSink.field(null)).isEmpty();
    assertThat(CsvRowSink.field("")).isEqualTo("\"\"");
    assertThat(CsvRowSink.field("plain text")).isEqualTo("plain text");
    assertThat(CsvRowSink.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvRowSink.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvRowSink.field("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void lineCountingReaderMapsPositionsToLines() throws IOException {
    String text = "a\nb\r\nc\rd\n\ne";
    LineCountingReader reader = new LineCountingReader(new StringReader(text));
    char[] buffer = new char[64];
    while (reader.read(buffer, 0, 3) > 0) {
      // read it all, three characters at a time so CRLF is split
    }
    assertThat(reader.lineOf(0)).isEqualTo(1);
    assertThat(reader.lineOf(text.indexOf('b'))).isEqualTo(2);
    assertThat(reader.lineOf(text.indexOf('c'))).isEqualTo(3);
    assertThat(reader.lineOf(text.indexOf('d'))).isEqualTo(4);
    assertThat(reader.lineOf(text.indexOf('e'))).isEqualTo(6);
  }
}
