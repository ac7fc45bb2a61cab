package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.types.SchemaDdl;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CsvValueParserTest {
  private static Object parse(String type, String text) throws BadValueException {
    return CsvValueParser.parse(SchemaDdl.parseType(type), text);
  }

  @Test
  void parsesEachPrimitiveType() throws Exception {
    assertThat(parse("boolean", "True")).isEqualTo(true);
    assertThat(parse("int", " 42 ")).isEqualTo(42);
    assertThat(parse("long", "-9000000000")).isEqualTo(-9_000_000_000L);
    assertThat(parse("float", "1.25")).isEqualTo(1.25f);
    assertThat(parse("double", "NaN")).isEqualTo(Double.NaN);
    assertThat(parse("double", "-1.5e-3")).isEqualTo(-0.0015);
    assertThat(parse("decimal(10,2)", "3.1")).isEqualTo(new BigDecimal("3.10"));
    assertThat(parse("date", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(parse("string", " keep spaces ")).isEqualTo(" keep spaces ");
    assertThat(parse("binary", "AQID")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
  }

  @Test
  void parsesEachTimestampForm() throws Exception {
    Instant t = Instant.parse("2024-01-02T10:00:00.123Z");
    assertThat(parse("timestamp", "2024-01-02T10:00:00.123Z")).isEqualTo(t);
    assertThat(parse("timestamp", "2024-01-02 10:00:00.123")).isEqualTo(t);
    assertThat(parse("timestamp", "2024-01-02 10:00:00.123000")).isEqualTo(t);
    assertThat(parse("timestamp", "2024-01-02T12:00:00.123+02:00")).isEqualTo(t);
    assertThat(parse("timestamp", "2024-01-02 05:00:00.123-05:00")).isEqualTo(t);
    // a date alone is its midnight (UTC for timestamp), as --where and --as-of read it
    assertThat(parse("timestamp", "2024-01-02")).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    assertThat(parse("timestamp_ntz", "2024-01-02")).isEqualTo(LocalDateTime.parse("2024-01-02T00:00"));
    assertThat(io.tidemark.core.expr.Expressions.parseTimestamp("2024-01-02")).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    assertThat(parse("timestamp_ntz", "2024-01-02T10:00:00.123456"))
        .isEqualTo(LocalDateTime.parse("2024-01-02T10:00:00.123456"));
    assertThat(parse("timestamp_ntz", "2024-01-02 10:00:00")).isEqualTo(LocalDateTime.parse("2024-01-02T10:00:00"));
  }

  @Test
  void rejectsTextThatIsNotOfTheType() {
    assertThatThrownBy(() -> parse("boolean", "yes")).hasMessage("is not a boolean (true or false)");
    assertThatThrownBy(() -> parse("int", "3000000000")).hasMessageStartingWith("is not an int");
    assertThatThrownBy(() -> parse("long", "1.0")).hasMessageStartingWith("is not a long");
    assertThatThrownBy(() -> parse("double", "1d")).hasMessage("is not a double");
    assertThatThrownBy(() -> parse("float", "1e39")).hasMessage("is out of range for a float");
    assertThatThrownBy(() -> parse("date", "2024-02-30")).hasMessageStartingWith("is not a date");
    assertThatThrownBy(() -> parse("timestamp", "2024-01-02T10:00:00.1234567Z"))
        .hasMessageStartingWith("has more than 6 fraction digits");
    assertThatThrownBy(() -> parse("timestamp_ntz", "2024-01-02T10:00:00Z")).hasMessageStartingWith("is not a timestamp_ntz");
    assertThatThrownBy(() -> parse("binary", "not base64!")).hasMessageStartingWith("is not base64");
    assertThatThrownBy(() -> parse("decimal(3,0)", "1000")).hasMessage("has too many digits for decimal(3,0)");
    assertThatThrownBy(() -> parse("list<string>", "a")).hasMessageContaining("cannot be read from CSV");
  }
}
