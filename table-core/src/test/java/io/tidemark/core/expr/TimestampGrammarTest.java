package io.tidemark.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.internal.expr.Binder;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The one timestamp grammar: what {@link Expressions#parseTimestamp} reads is what filters read. */
class TimestampGrammarTest {
  private static final String[] MIDNIGHT = {"2024-01-02", "2024-01-02 00:00:00", "2024-01-02T00:00:00Z",
      "2024-01-02 02:00:00 +02:00", "2024-01-02T02:00:00+02:00", "2024-01-02T00:00:00.000000",
      "2024-01-02 00:00:00 UTC", " 2024-01-02 "};

  @Test
  void everyFormIsTheSameInstantAsAFilterLiteralOfIt() {
    Schema schema = SchemaDdl.parse("ts timestamp");
    Expression expected = Binder.bind(schema, Expressions.equal("ts", Instant.parse("2024-01-02T00:00:00Z")));
    for (String form : MIDNIGHT) {
      assertThat(Expressions.parseTimestamp(form)).as(form).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
      assertThat(Binder.bind(schema, Expressions.parse("ts = '" + form.strip() + "'")).toString()).as(form)
          .isEqualTo(expected.toString());
    }
    assertThat(Expressions.parseTimestamp("2024-01-02 10:00:00.123456"))
        .isEqualTo(Instant.parse("2024-01-02T10:00:00.123456Z"));
  }

  @Test
  void timestampNtzTakesTheFormsWithoutAZone() {
    assertThat(Expressions.parseTimestampNtz("2024-01-02 10:00:00.5")).isEqualTo(LocalDateTime.parse("2024-01-02T10:00:00.5"));
    assertThat(Expressions.parseTimestampNtz("2024-01-02")).isEqualTo(LocalDateTime.parse("2024-01-02T00:00"));
    assertThatThrownBy(() -> Expressions.parseTimestampNtz("2024-01-02T10:00:00Z"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("'2024-01-02T10:00:00Z' has a time zone, but the column has none");
  }

  @Test
  void otherTextIsATypedErrorQuotingIt() {
    assertThatThrownBy(() -> Expressions.parseTimestamp("yesterday"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("'yesterday' is not a timestamp (expected 'yyyy-MM-dd HH:mm:ss[.ffffff]'");
  }
}
