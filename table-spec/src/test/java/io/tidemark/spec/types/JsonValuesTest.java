package io.tidemark.spec.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.InvalidArgumentException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonValuesTest {
  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of(PrimitiveType.BOOLEAN, true, true),
        Arguments.of(PrimitiveType.BOOLEAN, false, false),
        Arguments.of(PrimitiveType.INT, 42, 42L),
        Arguments.of(PrimitiveType.INT, Integer.MIN_VALUE, (long) Integer.MIN_VALUE),
        Arguments.of(PrimitiveType.LONG, Long.MAX_VALUE, Long.MAX_VALUE),
        Arguments.of(PrimitiveType.FLOAT, 1.5f, 1.5),
        Arguments.of(PrimitiveType.FLOAT, Float.NaN, "NaN"),
        Arguments.of(PrimitiveType.FLOAT, Float.POSITIVE_INFINITY, "Infinity"),
        Arguments.of(PrimitiveType.FLOAT, Float.NEGATIVE_INFINITY, "-Infinity"),
        Arguments.of(PrimitiveType.DOUBLE, -2.25, -2.25),
        Arguments.of(PrimitiveType.DOUBLE, Double.NaN, "NaN"),
        Arguments.of(PrimitiveType.DOUBLE, Double.POSITIVE_INFINITY, "Infinity"),
        Arguments.of(PrimitiveType.DOUBLE, Double.NEGATIVE_INFINITY, "-Infinity"),
        Arguments.of(new DecimalType(10, 2), new BigDecimal("12.50"), "12.50"),
        Arguments.of(new DecimalType(10, 2), new BigDecimal("-0.05"), "-0.05"),
        Arguments.of(new DecimalType(38, 0), new BigDecimal("12345678901234567890123456789012345678"),
            "12345678901234567890123456789012345678"),
        Arguments.of(PrimitiveType.DATE, LocalDate.of(2024, 1, 2), "2024-01-02"),
        Arguments.of(PrimitiveType.DATE, LocalDate.of(1969, 12, 31), "1969-12-31"),
        Arguments.of(PrimitiveType.TIMESTAMP, Instant.parse("2024-01-02T10:00:00.000001Z"),
            "2024-01-02T10:00:00.000001Z"),
        Arguments.of(PrimitiveType.TIMESTAMP, Instant.parse("2024-01-02T10:00:00Z"), "2024-01-02T10:00:00Z"),
        Arguments.of(PrimitiveType.TIMESTAMP_NTZ, LocalDateTime.parse("2024-01-02T10:00:00.000001"),
            "2024-01-02T10:00:00.000001"),
        Arguments.of(PrimitiveType.STRING, "h\u00e9 \ud83d\ude00", "h\u00e9 \ud83d\ude00"),
        Arguments.of(PrimitiveType.BINARY, ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}), "AAH/"),
        Arguments.of(PrimitiveType.BINARY, ByteBuffer.wrap(new byte[0]), ""));
  }

  @ParameterizedTest(name = "{0} {1} <-> {2}")
  @MethodSource("forms")
  void toJsonWritesTheSingleValueForm(Type type, Object value, Object json) {
    assertThat(JsonValues.toJson(type, value)).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0} {2} -> {1}")
  @MethodSource("forms")
  void fromJsonReadsTheSingleValueFormBack(Type type, Object value, Object json) {
    Object back = JsonValues.fromJson(type, json);

    if (value instanceof Float f && f.isNaN()) {
      assertThat((Float) back).isNaN();
    } else if (value instanceof Double d && d.isNaN()) {
      assertThat((Double) back).isNaN();
    } else {
      assertThat(back).isEqualTo(value);
    }
    assertThat(back.getClass()).isEqualTo(value instanceof ByteBuffer ? back.getClass() : value.getClass());
  }

  @Test
  void nullIsNullBothWays() {
    assertThat(JsonValues.toJson(PrimitiveType.LONG, null)).isNull();
    assertThat(JsonValues.fromJson(PrimitiveType.LONG, null)).isNull();
  }

  @Test
  void floatRoundTripsThroughItsDoubleWidening() {
    Object json = JsonValues.toJson(PrimitiveType.FLOAT, 0.1f);

    assertThat(json).isEqualTo((double) 0.1f);
    assertThat(JsonValues.fromJson(PrimitiveType.FLOAT, json)).isEqualTo(0.1f);
  }

  @Test
  void floatingTypesAcceptJsonIntegers() {
    assertThat(JsonValues.fromJson(PrimitiveType.FLOAT, 3L)).isEqualTo(3.0f);
    assertThat(JsonValues.fromJson(PrimitiveType.DOUBLE, -4L)).isEqualTo(-4.0);
  }

  @Test
  void decimalIsReadAtTheTypeScale() {
    assertThat(JsonValues.fromJson(new DecimalType(10, 2), "12.5")).isEqualTo(new BigDecimal("12.50"));
    assertThat(JsonValues.fromJson(new DecimalType(10, 2), "7")).isEqualTo(new BigDecimal("7.00"));
  }

  @Test
  void decimalThatWouldNeedRoundingIsRejected() {
    assertThatThrownBy(() -> JsonValues.fromJson(new DecimalType(10, 2), "12.345"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("12.345")
        .hasMessageContaining("decimal(10,2)");
  }

  @Test
  void binaryToJsonDoesNotConsumeTheBuffer() {
    ByteBuffer b = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
    b.position(1);

    assertThat(JsonValues.toJson(PrimitiveType.BINARY, b)).isEqualTo("CAcG");
    assertThat(b.position()).isEqualTo(1);
  }

  @Test
  void binaryFromJsonIsReadOnly() {
    ByteBuffer b = (ByteBuffer) JsonValues.fromJson(PrimitiveType.BINARY, "AAH/");

    assertThat(b.isReadOnly()).isTrue();
  }

  @Test
  void intOutsideThirtyTwoBitsIsRejected() {
    assertThatThrownBy(() -> JsonValues.fromJson(PrimitiveType.INT, 1L << 31))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("int");
  }

  @Test
  void formsOfTheWrongShapeAreInvalidArguments() {
    assertThatThrownBy(() -> JsonValues.fromJson(PrimitiveType.BOOLEAN, "true"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> JsonValues.fromJson(PrimitiveType.LONG, 1.5))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> JsonValues.fromJson(PrimitiveType.DOUBLE, "nan"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> JsonValues.fromJson(PrimitiveType.DATE, "2024-13-01"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> JsonValues.fromJson(PrimitiveType.TIMESTAMP, "2024-01-02T10:00:00"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> JsonValues.fromJson(PrimitiveType.TIMESTAMP_NTZ, "2024-01-02T10:00:00Z"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> JsonValues.fromJson(PrimitiveType.BINARY, "not base64!"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> JsonValues.fromJson(new DecimalType(5, 0), 12L))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> JsonValues.fromJson(PrimitiveType.STRING, 5L))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("is not a JSON form of string");
  }

  /**
   * Regression: the documented form of a decimal is the plain string at the
   * type's scale, but toJson writes the BigDecimal's own scale, so 12.5 in a decimal(10,2) column
   * is written "12.5" and equal values can have different forms (a problem for partition values).
   */
  @Test
  void toJsonWritesDecimalAtTheTypeScale() {
    assertThat(JsonValues.toJson(new DecimalType(10, 2), new BigDecimal("12.5"))).isEqualTo("12.50");
  }

  /**
   * Regression: toJson writes "12.345" for a decimal(10,2) column, a form that
   * fromJson then refuses, so a writer can put stats in the log that no reader can use.
   */
  @Test
  void toJsonNeverWritesADecimalFormThatFromJsonRefuses() {
    DecimalType type = new DecimalType(10, 2);
    Object json;
    try {
      json = JsonValues.toJson(type, new BigDecimal("12.345"));
    } catch (InvalidArgumentException refusedUpFront) {
      return; // refusing the value that does not fit the type is right too
    }
    assertThat(JsonValues.fromJson(type, json)).isNotNull();
  }
}
