package io.tidemark.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.SchemaMismatchException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTest {
  private static final Schema SCHEMA = Schema.builder()
      .required("id", Types.LONG)
      .optional("b", Types.BOOLEAN)
      .optional("i", Types.INT)
      .optional("f", Types.FLOAT)
      .optional("d", Types.DOUBLE)
      .optional("dec", Types.decimal(9, 2))
      .optional("day", Types.DATE)
      .optional("ts", Types.TIMESTAMP)
      .optional("ntz", Types.TIMESTAMP_NTZ)
      .optional("s", Types.STRING)
      .optional("bin", Types.BINARY)
      .optional("point", Types.struct(Types.required("x", Types.DOUBLE)))
      .optional("tags", Types.list(Types.STRING))
      .optional("attrs", Types.map(Types.STRING, Types.LONG))
      .build();
  private static final StructType POINT = (StructType) SCHEMA.column("point").type();
  private static final Instant TS = Instant.parse("2023-11-14T22:13:20.000123Z");
  private static final long TS_MICROS = 1_700_000_000_000_123L;

  private static Record full() {
    return Record.of(SCHEMA, 7L, true, 3, 1.5f, 2.5, new BigDecimal("1.25"), LocalDate.of(2024, 1, 2), TS,
        LocalDateTime.parse("2024-01-02T03:04:05"), "x", new byte[] {1, 2}, Record.of(POINT, 1.0),
        List.of("a"), Map.of("k", 1L));
  }

  @Test
  void typedAccessorsReadEachTypeWithoutCasts() {
    Record r = full();
    assertThat(r.getLong(0)).isEqualTo(7L);
    assertThat(r.getLong("id")).isEqualTo(7L);
    assertThat(r.getBoolean("b")).isTrue();
    assertThat(r.getInt("i")).isEqualTo(3);
    assertThat(r.getFloat("f")).isEqualTo(1.5f);
    assertThat(r.getDouble("d")).isEqualTo(2.5);
    assertThat(r.getDecimal("dec")).isEqualTo(new BigDecimal("1.25"));
    assertThat(r.getDate("day")).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(r.getInstant("ts")).isEqualTo(TS);
    assertThat(r.getTimestampMicros("ts")).isEqualTo(TS_MICROS);
    assertThat(r.getLocalDateTime("ntz")).isEqualTo(LocalDateTime.parse("2024-01-02T03:04:05"));
    assertThat(r.getTimestampMicros("ntz")).isEqualTo(Micros.of(LocalDateTime.parse("2024-01-02T03:04:05")));
    assertThat(r.getString("s")).isEqualTo("x");
    assertThat(r.getBinary("bin")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
    assertThat(r.getRecord("point").getDouble("x")).isEqualTo(1.0);
    assertThat(r.getList("tags")).containsExactly("a");
    assertThat(r.getMap("attrs")).containsEntry("k", 1L);
  }

  @Test
  void aTypedAccessorOfAnotherTypeOrOnANullPrimitiveFailsNamingTheField() {
    Record r = Record.builder(SCHEMA).set("id", 1L).build();
    assertThatThrownBy(() -> r.getInt("id")).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'id'").hasMessageContaining("getInt").hasMessageContaining("long");
    assertThatThrownBy(() -> r.getString("id")).isInstanceOf(SchemaMismatchException.class);
    assertThatThrownBy(() -> r.getInstant("ntz")).isInstanceOf(SchemaMismatchException.class);
    assertThatThrownBy(() -> r.getTimestampMicros("s")).isInstanceOf(SchemaMismatchException.class);
    assertThatThrownBy(() -> r.getRecord("tags")).isInstanceOf(SchemaMismatchException.class);
    assertThatThrownBy(() -> r.getDouble("d")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'d' is null");
    assertThat(r.isNull("d")).isTrue();
    assertThat(r.getString("s")).isNull();
    assertThat(r.getInstant("ts")).isNull();
    assertThatThrownBy(() -> r.getLong("nope")).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no field 'nope'");
  }

  @Test
  void takesATimestampAsMicrosecondsSince1970AndStoresItAsAnInstant() {
    Record byMicros = Record.builder(SCHEMA).set("id", 1L).set("ts", TS_MICROS).set("ntz", -1L).build();
    assertThat(byMicros.get("ts")).isEqualTo(TS);
    assertThat(byMicros.get("ntz")).isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.999999"));
    assertThat(byMicros).isEqualTo(Record.builder(SCHEMA).set("id", 1L).set("ts", TS)
        .set("ntz", LocalDateTime.parse("1969-12-31T23:59:59.999999")).build());
    assertThatThrownBy(() -> Record.builder(SCHEMA).set("id", 1L).set("ts", 5).build())
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'ts'");
  }

  @Test
  void aReusableRecordHoldsWhatItsSettersSetAndEqualsTheImmutableRecordOfTheSameValues() {
    ReusableRecord row = Record.reusable(SCHEMA);
    row.setLong(0, 7L).setBoolean(1, true).setInt(2, 3).setFloat(3, 1.5f).setDouble(4, 2.5)
        .set(5, new BigDecimal("1.25")).set("day", LocalDate.of(2024, 1, 2)).setTimestampMicros(7, TS_MICROS)
        .setTimestampMicros(8, Micros.of(LocalDateTime.parse("2024-01-02T03:04:05"))).setString(9, "x")
        .set("bin", new byte[] {1, 2}).set("point", Record.of(POINT, 1.0)).set("tags", List.of("a"))
        .set("attrs", Map.of("k", 1L));
    Record expected = full();
    assertThat(row).isEqualTo(expected);
    assertThat(expected).isEqualTo(row);
    assertThat(row.hashCode()).isEqualTo(expected.hashCode());
    assertThat(row.toString()).isEqualTo(expected.toString());
    assertThat(row.get(7)).isEqualTo(TS);
    assertThat(row.getTimestampMicros(7)).isEqualTo(TS_MICROS);
    assertThat(row.getLong("id")).isEqualTo(7L);
    assertThat(row.getFloat(3)).isEqualTo(1.5f);
    assertThat(row.toImmutable()).isEqualTo(expected).isNotInstanceOf(ReusableRecord.class);
    assertThat(expected.toImmutable()).isSameAs(expected);
    Record copy = row.toImmutable();
    row.setLong(0, 99L).setDouble(4, 9.0).setString(9, "y");
    assertThat(copy).isEqualTo(expected);
    assertThat(copy.getLong(0)).isEqualTo(7L);
    assertThat(copy.hashCode()).isEqualTo(expected.hashCode());
    row.setTimestamp(7, TS);
    assertThat(row.get(7)).isEqualTo(TS);
    assertThat(row.getTimestampMicros(7)).isEqualTo(TS_MICROS);
  }

  @Test
  void aReusableRecordChecksEachValueWhenItIsSet() {
    ReusableRecord row = Record.reusable(SCHEMA);
    assertThatThrownBy(() -> row.setInt(0, 1)).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'id'").hasMessageContaining("setInt");
    assertThatThrownBy(() -> row.setTimestampMicros(0, 1)).isInstanceOf(SchemaMismatchException.class);
    assertThatThrownBy(() -> row.setString(2, "x")).isInstanceOf(SchemaMismatchException.class);
    assertThatThrownBy(() -> row.set(9, 5)).isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'s'");
    assertThatThrownBy(() -> row.setNull(0)).isInstanceOf(SchemaMismatchException.class);
    assertThatThrownBy(() -> row.set("id", null)).isInstanceOf(SchemaMismatchException.class);
    assertThatThrownBy(row::checkComplete).isInstanceOf(SchemaMismatchException.class).hasMessageContaining("'id'");
    assertThatThrownBy(row::toImmutable).isInstanceOf(SchemaMismatchException.class);
    row.setLong(0, 1L);
    row.checkComplete();
    row.clear();
    assertThat(row.isNull(0)).isTrue();
    assertThatThrownBy(row::checkComplete).isInstanceOf(SchemaMismatchException.class);
  }

  @Test
  void aReusableRecordSetAsANestedValueIsCopiedSoTheNextRowDoesNotChangeIt() {
    ReusableRecord point = Record.reusable(POINT);
    point.setDouble(0, 1.0);
    Record first = Record.builder(SCHEMA).set("id", 1L).set("point", point).build();
    ReusableRecord row = Record.reusable(SCHEMA).setLong(0, 2L).set("point", point);
    point.setDouble(0, 2.0);
    assertThat(first.getRecord("point").getDouble("x")).isEqualTo(1.0);
    assertThat(row.getRecord("point").getDouble("x")).isEqualTo(1.0);
    assertThat(first.getRecord("point")).isNotInstanceOf(ReusableRecord.class);
  }
}
