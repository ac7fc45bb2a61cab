package io.tidemark.spec.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransformsTest {
  private static final DecimalType DEC_9_2 = Types.decimal(9, 2);

  @Nested
  class Names {
    @ParameterizedTest
    @ValueSource(strings = {"identity", "bucket[16]", "bucket[1]", "truncate[4]", "truncate[2147483647]", "year",
        "month", "day", "hour", "void"})
    void parseOfToStringGivesAnEqualTransform(String text) {
      Transform t = Transforms.parse(text);

      assertThat(t.toString()).isEqualTo(text);
      assertThat(Transforms.parse(t.toString())).isEqualTo(t).hasSameHashCodeAs(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Identity", "DAY", " day", "day ", "bucket", "bucket[]", "bucket[0]", "bucket[-1]",
        "bucket[016]", "bucket[ 16]", "bucket[16", "bucket(16)", "truncate[2147483648]", "truncate[99999999999]",
        "alwaysNull", "null", "zorder", "days", "bucket[16]x"})
    void parseRejectsEverythingElse(String text) {
      assertThatThrownBy(() -> Transforms.parse(text))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("unknown partition transform '" + text + "'");
    }

    @Test
    void parseRejectsNull() {
      assertThatThrownBy(() -> Transforms.parse(null)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void factoriesGiveTheSpecNames() {
      assertThat(List.of(Transforms.identity(), Transforms.bucket(16), Transforms.truncate(4), Transforms.year(),
          Transforms.month(), Transforms.day(), Transforms.hour(), Transforms.alwaysNull()))
          .extracting(Transform::toString)
          .containsExactly("identity", "bucket[16]", "truncate[4]", "year", "month", "day", "hour", "void");
    }

    @Test
    void nameAndParameterSplitTheSpecName() {
      assertThat(Transforms.bucket(16).name()).isEqualTo("bucket");
      assertThat(Transforms.bucket(16).parameter()).isEqualTo(16);
      assertThat(Transforms.truncate(4).name()).isEqualTo("truncate");
      assertThat(Transforms.truncate(4).parameter()).isEqualTo(4);
      assertThat(Transforms.hour().name()).isEqualTo("hour");
      assertThat(Transforms.hour().parameter()).isZero();
      assertThat(Transforms.alwaysNull().name()).isEqualTo("void");
    }

    @Test
    void bucketAndTruncateNeedAPositiveParameter() {
      assertThatThrownBy(() -> Transforms.bucket(0)).isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("bucket count must be positive, was 0");
      assertThatThrownBy(() -> Transforms.truncate(-3)).isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("truncate width must be positive, was -3");
    }

    @Test
    void onlyBucketAndVoidDoNotPreserveOrder() {
      assertThat(Transforms.identity().preservesOrder()).isTrue();
      assertThat(Transforms.truncate(3).preservesOrder()).isTrue();
      assertThat(Transforms.year().preservesOrder()).isTrue();
      assertThat(Transforms.month().preservesOrder()).isTrue();
      assertThat(Transforms.day().preservesOrder()).isTrue();
      assertThat(Transforms.hour().preservesOrder()).isTrue();
      assertThat(Transforms.bucket(3).preservesOrder()).isFalse();
      assertThat(Transforms.alwaysNull().preservesOrder()).isFalse();
    }
  }

  @Nested
  class Applicability {
    private List<String> applicable(Transform t) {
      List<String> out = new ArrayList<>();
      for (PrimitiveType p : PrimitiveType.values()) {
        if (t.canApplyTo(p)) {
          out.add(p.typeName());
        }
      }
      if (t.canApplyTo(DEC_9_2)) {
        out.add("decimal");
      }
      return out;
    }

    @Test
    void identityAndVoidApplyToEveryPrimitiveType() {
      assertThat(applicable(Transforms.identity())).hasSize(PrimitiveType.values().length + 1);
      assertThat(applicable(Transforms.alwaysNull())).hasSize(PrimitiveType.values().length + 1);
    }

    @Test
    void bucketAppliesToTheHashableTypes() {
      assertThat(applicable(Transforms.bucket(4))).containsExactly("int", "long", "date", "timestamp",
          "timestamp_ntz", "string", "binary", "decimal");
    }

    @Test
    void truncateAppliesToNumbersStringsAndBinary() {
      assertThat(applicable(Transforms.truncate(4))).containsExactly("int", "long", "string", "binary", "decimal");
    }

    @Test
    void yearMonthDayApplyToDatesAndTimestampsAndHourOnlyToTimestamps() {
      for (Transform t : List.of(Transforms.year(), Transforms.month(), Transforms.day())) {
        assertThat(applicable(t)).as(t.toString()).containsExactly("date", "timestamp", "timestamp_ntz");
      }
      assertThat(applicable(Transforms.hour())).containsExactly("timestamp", "timestamp_ntz");
    }

    @Test
    void noTransformAppliesToNestedTypes() {
      Type struct = Types.struct(Types.optional("x", Types.INT));
      for (String t : List.of("identity", "bucket[2]", "truncate[2]", "year", "month", "day", "hour", "void")) {
        assertThat(Transforms.parse(t).canApplyTo(struct)).as(t).isFalse();
        assertThat(Transforms.parse(t).canApplyTo(Types.list(Types.INT))).as(t).isFalse();
      }
    }

    @Test
    void resultTypesFollowTheSpec() {
      assertThat(Transforms.identity().resultType(Types.STRING)).isEqualTo(Types.STRING);
      assertThat(Transforms.truncate(2).resultType(DEC_9_2)).isEqualTo(DEC_9_2);
      assertThat(Transforms.bucket(2).resultType(Types.STRING)).isEqualTo(Types.INT);
      assertThat(Transforms.year().resultType(Types.TIMESTAMP)).isEqualTo(Types.INT);
      assertThat(Transforms.month().resultType(Types.DATE)).isEqualTo(Types.INT);
      assertThat(Transforms.day().resultType(Types.TIMESTAMP_NTZ)).isEqualTo(Types.DATE);
      assertThat(Transforms.hour().resultType(Types.TIMESTAMP)).isEqualTo(Types.INT);
      assertThat(Transforms.alwaysNull().resultType(Types.DOUBLE)).isEqualTo(Types.DOUBLE);
    }

    @Test
    void applyingToAWrongTypeNamesTransformAndType() {
      assertThatThrownBy(() -> Transforms.hour().apply(Types.DATE, LocalDate.EPOCH))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("transform hour cannot be applied to type date");
      assertThatThrownBy(() -> Transforms.bucket(4).resultType(Types.DOUBLE))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("bucket[4] cannot be applied to type double");
    }

    @Test
    void aValueOfTheWrongJavaClassIsAClearError() {
      assertThatThrownBy(() -> Transforms.day().apply(Types.TIMESTAMP, LocalDateTime.of(2024, 1, 2, 0, 0)))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("expects Instant")
          .hasMessageContaining("java.time.LocalDateTime");
      assertThatThrownBy(() -> Transforms.identity().apply(Types.LONG, 5))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("expects Long");
    }

    @Test
    void nullGivesNullForEveryTransform() {
      assertThat(Transforms.identity().apply(Types.STRING, null)).isNull();
      assertThat(Transforms.bucket(3).apply(Types.STRING, null)).isNull();
      assertThat(Transforms.truncate(3).apply(Types.STRING, null)).isNull();
      assertThat(Transforms.day().apply(Types.TIMESTAMP, null)).isNull();
      assertThat(Transforms.hour().apply(Types.TIMESTAMP, null)).isNull();
    }
  }

  @Nested
  class Identity {
    @Test
    void returnsTheValue() {
      assertThat(Transforms.identity().apply(Types.STRING, "eu")).isEqualTo("eu");
      assertThat(Transforms.identity().apply(Types.DOUBLE, Double.NaN)).isEqualTo(Double.NaN);
      assertThat(Transforms.identity().apply(Types.BOOLEAN, true)).isEqualTo(true);
    }

    @Test
    void givesNegativeZeroAndEveryNaNTheOneFormOfTheirValueSoTheyShareAPartition() {
      Object zero = Transforms.identity().apply(Types.DOUBLE, -0.0);
      assertThat(Double.doubleToRawLongBits((Double) zero)).isZero();
      Object floatZero = Transforms.identity().apply(Types.FLOAT, -0.0f);
      assertThat(Float.floatToRawIntBits((Float) floatZero)).isZero();
      Object nan = Transforms.identity().apply(Types.DOUBLE, Double.longBitsToDouble(0x7ff8_0000_0000_0001L));
      assertThat(Double.doubleToRawLongBits((Double) nan)).isEqualTo(Double.doubleToRawLongBits(Double.NaN));
      Object floatNan = Transforms.identity().apply(Types.FLOAT, Float.intBitsToFloat(0xffc0_0001));
      assertThat(Float.floatToRawIntBits((Float) floatNan)).isEqualTo(Float.floatToRawIntBits(Float.NaN));
      assertThat(Transforms.identity().apply(Types.DOUBLE, 2.5)).isEqualTo(2.5);
    }

    @Test
    void bringsDecimalsToTheTypesScaleSoEqualValuesShareAPartition() {
      assertThat(Transforms.identity().apply(DEC_9_2, new BigDecimal("14.2"))).isEqualTo(new BigDecimal("14.20"));
      assertThatThrownBy(() -> Transforms.identity().apply(DEC_9_2, new BigDecimal("14.205")))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("does not fit decimal(9,2)");
    }
  }

  @Nested
  class AlwaysNull {
    @Test
    void isAlwaysNullOfTheSourceType() {
      assertThat(Transforms.alwaysNull().apply(Types.LONG, 5L)).isNull();
      assertThat(Transforms.alwaysNull().toPathString(Types.LONG, null)).isEqualTo(PartitionPaths.NULL_VALUE);
    }
  }

  @Nested
  class Bucket {
    @Test
    void valuesLieInZeroToN() {
      Transform b = Transforms.bucket(7);
      for (long v = -1000; v < 1000; v++) {
        assertThat((Integer) b.apply(Types.LONG, v)).isBetween(0, 6);
      }
      assertThat(b.apply(Types.LONG, Long.MIN_VALUE)).isInstanceOf(Integer.class);
      assertThat(Transforms.bucket(1).apply(Types.STRING, "anything")).isEqualTo(0);
    }

    @Test
    void negativeDecimalsHashTheirTwosComplementBytes() {
      // -1.00 has unscaled -100: one byte 0x9C
      assertThat(new BucketTransform(2).hash(DEC_9_2, new BigDecimal("-1.00")))
          .isEqualTo(Murmur3.hash(new byte[] {(byte) 0x9C}));
      // 1.28 has unscaled 128: two bytes 0x00 0x80 (the sign needs the leading zero)
      assertThat(new BucketTransform(2).hash(DEC_9_2, new BigDecimal("1.28")))
          .isEqualTo(Murmur3.hash(new byte[] {0, (byte) 0x80}));
    }

    @Test
    void timestampsHashTheirMicrosecondsAndPre1970ValuesFloor() {
      Instant justBefore = Instant.parse("1969-12-31T23:59:59.999999Z");
      assertThat(new BucketTransform(2).hash(Types.TIMESTAMP, justBefore)).isEqualTo(Murmur3.hashLong(-1L));
      // nanoseconds below a microsecond do not count
      assertThat(new BucketTransform(2).hash(Types.TIMESTAMP, Instant.parse("1969-12-31T23:59:59.999999999Z")))
          .isEqualTo(Murmur3.hashLong(-1L));
      assertThat(new BucketTransform(2).hash(Types.TIMESTAMP_NTZ, LocalDateTime.parse("1969-12-31T23:59:59.999999")))
          .isEqualTo(Murmur3.hashLong(-1L));
    }

    @Test
    void stringsHashTheirUtf8() {
      assertThat(new BucketTransform(2).hash(Types.STRING, "é😀"))
          .isEqualTo(Murmur3.hash(new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xF0, (byte) 0x9F, (byte) 0x98,
              (byte) 0x80}));
    }

    @Test
    void pathTextIsTheBucketNumber() {
      assertThat(Transforms.bucket(16).toPathString(Types.STRING, 3)).isEqualTo("3");
    }
  }

  @Nested
  class Truncate {
    @Test
    void intsAndLongsGoDownToAMultipleOfTheWidth() {
      Transform t = Transforms.truncate(10);
      assertThat(t.apply(Types.INT, 0)).isEqualTo(0);
      assertThat(t.apply(Types.INT, 1)).isEqualTo(0);
      assertThat(t.apply(Types.INT, 9)).isEqualTo(0);
      assertThat(t.apply(Types.INT, 10)).isEqualTo(10);
      assertThat(t.apply(Types.INT, -1)).isEqualTo(-10);
      assertThat(t.apply(Types.INT, -10)).isEqualTo(-10);
      assertThat(t.apply(Types.INT, -11)).isEqualTo(-20);
      assertThat(t.apply(Types.LONG, -1L)).isEqualTo(-10L);
      assertThat(t.apply(Types.LONG, 123_456_789_012L)).isEqualTo(123_456_789_010L);
      assertThat(t.apply(Types.INT, Integer.MAX_VALUE)).isEqualTo(2147483640);
    }

    @Test
    void numbersWhoseResultWouldUnderflowGiveTheLeastValue() {
      Transform t = Transforms.truncate(10);
      // the exact results, -2147483650 and -9223372036854775810, do not fit: the least value keeps order
      assertThat(t.apply(Types.INT, Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
      assertThat(t.apply(Types.INT, Integer.MIN_VALUE + 3)).isEqualTo(Integer.MIN_VALUE);
      assertThat(t.apply(Types.LONG, Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
      assertThat(t.apply(Types.LONG, Long.MIN_VALUE + 5)).isEqualTo(Long.MIN_VALUE);
      assertThat(Transforms.truncate(10).apply(Types.decimal(3, 0), new BigDecimal("-999")))
          .isEqualTo(new BigDecimal("-999"));
      assertThat(Transforms.truncate(1).apply(Types.INT, Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void decimalsTruncateTheUnscaledValueAndKeepTheScale() {
      assertThat(Transforms.truncate(50).apply(DEC_9_2, new BigDecimal("10.65"))).isEqualTo(new BigDecimal("10.50"));
      assertThat(Transforms.truncate(10).apply(DEC_9_2, new BigDecimal("-0.05"))).isEqualTo(new BigDecimal("-0.10"));
      assertThat(Transforms.truncate(10).apply(DEC_9_2, new BigDecimal("0"))).isEqualTo(new BigDecimal("0.00"));
      assertThat(Transforms.truncate(100).apply(DEC_9_2, new BigDecimal("-12.3"))).isEqualTo(new BigDecimal("-13.00"));
    }

    @Test
    void stringsKeepTheirFirstWCodePoints() {
      Transform t = Transforms.truncate(3);
      assertThat(t.apply(Types.STRING, "iceberg")).isEqualTo("ice");
      assertThat(t.apply(Types.STRING, "ic")).isEqualTo("ic");
      assertThat(t.apply(Types.STRING, "")).isEqualTo("");
      // supplementary characters are one code point (two UTF-16 units) each and never split
      assertThat(t.apply(Types.STRING, "😀😁😂🤣")).isEqualTo("😀😁😂");
      assertThat(Transforms.truncate(2).apply(Types.STRING, "a😀b")).isEqualTo("a😀");
      assertThat(Transforms.truncate(1).apply(Types.STRING, "😀x")).isEqualTo("😀");
      assertThat(t.apply(Types.STRING, "é😀")).isEqualTo("é😀");
    }

    @Test
    void binaryKeepsItsFirstWBytes() {
      Transform t = Transforms.truncate(3);
      assertThat(t.apply(Types.BINARY, ByteBuffer.wrap(new byte[] {1, 2, 3, 4})))
          .isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
      assertThat(t.apply(Types.BINARY, ByteBuffer.wrap(new byte[] {1, 2})))
          .isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
      ByteBuffer source = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 4}, 1, 4);
      assertThat(t.apply(Types.BINARY, source)).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
      assertThat(source.position()).isEqualTo(1);
    }

    @Test
    void pathTextIsTheReadableValue() {
      assertThat(Transforms.truncate(3).toPathString(Types.STRING, "ice")).isEqualTo("ice");
      assertThat(Transforms.truncate(3).toPathString(Types.INT, -9)).isEqualTo("-9");
      assertThat(Transforms.truncate(3).toPathString(DEC_9_2, new BigDecimal("1.50"))).isEqualTo("1.50");
    }
  }

  @Nested
  class Time {
    @Test
    void datesCountYearsMonthsSince1970AndDayIsTheDate() {
      LocalDate d = LocalDate.parse("2024-01-02");
      assertThat(Transforms.year().apply(Types.DATE, d)).isEqualTo(54);
      assertThat(Transforms.month().apply(Types.DATE, d)).isEqualTo(54 * 12);
      assertThat(Transforms.day().apply(Types.DATE, d)).isEqualTo(d);
      assertThat(Transforms.year().apply(Types.DATE, LocalDate.EPOCH)).isEqualTo(0);
      assertThat(Transforms.month().apply(Types.DATE, LocalDate.EPOCH)).isEqualTo(0);
    }

    @Test
    void datesBefore1970GiveNegativeCountsByFloor() {
      assertThat(Transforms.year().apply(Types.DATE, LocalDate.parse("1969-12-31"))).isEqualTo(-1);
      assertThat(Transforms.month().apply(Types.DATE, LocalDate.parse("1969-12-31"))).isEqualTo(-1);
      assertThat(Transforms.year().apply(Types.DATE, LocalDate.parse("1969-01-01"))).isEqualTo(-1);
      assertThat(Transforms.month().apply(Types.DATE, LocalDate.parse("1969-01-01"))).isEqualTo(-12);
      assertThat(Transforms.year().apply(Types.DATE, LocalDate.parse("1968-12-31"))).isEqualTo(-2);
      assertThat(Transforms.month().apply(Types.DATE, LocalDate.parse("1968-12-31"))).isEqualTo(-13);
      assertThat(Transforms.year().apply(Types.DATE, LocalDate.parse("0001-01-01"))).isEqualTo(-1969);
    }

    @Test
    void timestampsUseUtc() {
      Instant ts = Instant.parse("2017-12-01T10:12:55.038194Z");
      assertThat(Transforms.year().apply(Types.TIMESTAMP, ts)).isEqualTo(47);
      assertThat(Transforms.month().apply(Types.TIMESTAMP, ts)).isEqualTo(47 * 12 + 11);
      assertThat(Transforms.day().apply(Types.TIMESTAMP, ts)).isEqualTo(LocalDate.parse("2017-12-01"));
      assertThat(Transforms.hour().apply(Types.TIMESTAMP, ts)).isEqualTo(420034);
    }

    @Test
    void timestampNtzIsTreatedAsUtc() {
      LocalDateTime ts = LocalDateTime.parse("2017-12-01T10:12:55.038194");
      assertThat(Transforms.year().apply(Types.TIMESTAMP_NTZ, ts)).isEqualTo(47);
      assertThat(Transforms.month().apply(Types.TIMESTAMP_NTZ, ts)).isEqualTo(575);
      assertThat(Transforms.day().apply(Types.TIMESTAMP_NTZ, ts)).isEqualTo(LocalDate.parse("2017-12-01"));
      assertThat(Transforms.hour().apply(Types.TIMESTAMP_NTZ, ts)).isEqualTo(420034);
    }

    @Test
    void theLastMicrosecondOfADayBelongsToThatDay() {
      Instant last = Instant.parse("2024-01-02T23:59:59.999999Z");
      Instant next = Instant.parse("2024-01-03T00:00:00Z");
      long epochDay = LocalDate.parse("2024-01-02").toEpochDay();

      assertThat(Transforms.day().apply(Types.TIMESTAMP, last)).isEqualTo(LocalDate.parse("2024-01-02"));
      assertThat(Transforms.day().apply(Types.TIMESTAMP, next)).isEqualTo(LocalDate.parse("2024-01-03"));
      assertThat(Transforms.hour().apply(Types.TIMESTAMP, last)).isEqualTo((int) (epochDay * 24 + 23));
      assertThat(Transforms.hour().apply(Types.TIMESTAMP, next)).isEqualTo((int) (epochDay * 24 + 24));
      Instant endOfYear = Instant.parse("2023-12-31T23:59:59.999999Z");
      assertThat(Transforms.year().apply(Types.TIMESTAMP, endOfYear)).isEqualTo(53);
      assertThat(Transforms.month().apply(Types.TIMESTAMP, endOfYear)).isEqualTo(53 * 12 + 11);
    }

    @Test
    void timestampsBefore1970FloorToTheEarlierPeriod() {
      Instant lastMicroOf1969 = Instant.parse("1969-12-31T23:59:59.999999Z");
      assertThat(Transforms.year().apply(Types.TIMESTAMP, lastMicroOf1969)).isEqualTo(-1);
      assertThat(Transforms.month().apply(Types.TIMESTAMP, lastMicroOf1969)).isEqualTo(-1);
      assertThat(Transforms.day().apply(Types.TIMESTAMP, lastMicroOf1969)).isEqualTo(LocalDate.parse("1969-12-31"));
      assertThat(Transforms.hour().apply(Types.TIMESTAMP, lastMicroOf1969)).isEqualTo(-1);
      assertThat(Transforms.hour().apply(Types.TIMESTAMP, Instant.parse("1969-12-31T23:00:00Z"))).isEqualTo(-1);
      assertThat(Transforms.hour().apply(Types.TIMESTAMP, Instant.parse("1969-12-31T22:59:59.999999Z"))).isEqualTo(-2);
      assertThat(Transforms.hour().apply(Types.TIMESTAMP_NTZ, LocalDateTime.parse("1900-01-01T00:30:00")))
          .isEqualTo((int) (LocalDate.parse("1900-01-01").toEpochDay() * 24));
      assertThat(Transforms.day().apply(Types.TIMESTAMP_NTZ, LocalDateTime.parse("1900-01-01T00:00:00.000001")))
          .isEqualTo(LocalDate.parse("1900-01-01"));
      assertThat(Transforms.hour().apply(Types.TIMESTAMP, Instant.EPOCH)).isEqualTo(0);
    }

    @Test
    void anHourBeyondTheIntRangeIsAnError() {
      assertThatThrownBy(() -> Transforms.hour().apply(Types.TIMESTAMP, Instant.MAX))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("out of the range of its int result");
    }

    @Test
    void pathTextIsTheCalendarPeriod() {
      assertThat(Transforms.year().toPathString(Types.TIMESTAMP, 54)).isEqualTo("2024");
      assertThat(Transforms.month().toPathString(Types.TIMESTAMP, 54 * 12)).isEqualTo("2024-01");
      assertThat(Transforms.day().toPathString(Types.TIMESTAMP, LocalDate.parse("2024-01-02"))).isEqualTo("2024-01-02");
      int hour = (int) (LocalDate.parse("2024-01-02").toEpochDay() * 24 + 10);
      assertThat(Transforms.hour().toPathString(Types.TIMESTAMP, hour)).isEqualTo("2024-01-02-10");
      assertThat(Transforms.hour().toPathString(Types.TIMESTAMP, hour - 10)).isEqualTo("2024-01-02-00");
    }

    @Test
    void pathTextBefore1970IsTheCalendarPeriodToo() {
      assertThat(Transforms.year().toPathString(Types.DATE, -1)).isEqualTo("1969");
      assertThat(Transforms.month().toPathString(Types.DATE, -1)).isEqualTo("1969-12");
      assertThat(Transforms.month().toPathString(Types.DATE, -13)).isEqualTo("1968-12");
      assertThat(Transforms.hour().toPathString(Types.TIMESTAMP, -1)).isEqualTo("1969-12-31-23");
      assertThat(Transforms.year().toPathString(Types.DATE, 0)).isEqualTo("1970");
    }

    @Test
    void pathTextOfEachTimeTransformMatchesItsValue() {
      Instant ts = Instant.parse("1931-07-09T05:06:07.123Z");
      assertThat(Transforms.year().toPathString(Types.TIMESTAMP, Transforms.year().apply(Types.TIMESTAMP, ts)))
          .isEqualTo("1931");
      assertThat(Transforms.month().toPathString(Types.TIMESTAMP, Transforms.month().apply(Types.TIMESTAMP, ts)))
          .isEqualTo("1931-07");
      assertThat(Transforms.day().toPathString(Types.TIMESTAMP, Transforms.day().apply(Types.TIMESTAMP, ts)))
          .isEqualTo("1931-07-09");
      assertThat(Transforms.hour().toPathString(Types.TIMESTAMP, Transforms.hour().apply(Types.TIMESTAMP, ts)))
          .isEqualTo("1931-07-09-05");
    }
  }
}
