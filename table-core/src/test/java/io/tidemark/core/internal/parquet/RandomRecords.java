package io.tidemark.core.internal.parquet;

import static io.tidemark.spec.types.Types.BINARY;
import static io.tidemark.spec.types.Types.BOOLEAN;
import static io.tidemark.spec.types.Types.DATE;
import static io.tidemark.spec.types.Types.DOUBLE;
import static io.tidemark.spec.types.Types.FLOAT;
import static io.tidemark.spec.types.Types.INT;
import static io.tidemark.spec.types.Types.LONG;
import static io.tidemark.spec.types.Types.STRING;
import static io.tidemark.spec.types.Types.TIMESTAMP;
import static io.tidemark.spec.types.Types.TIMESTAMP_NTZ;
import static io.tidemark.spec.types.Types.decimal;
import static io.tidemark.spec.types.Types.list;
import static io.tidemark.spec.types.Types.map;
import static io.tidemark.spec.types.Types.optional;
import static io.tidemark.spec.types.Types.required;
import static io.tidemark.spec.types.Types.struct;

import io.tidemark.core.data.Micros;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random records of a schema with every primitive type (decimals in each physical form), nested
 * structs, a list and a map, drawn so that the awkward values come up often: nulls at every
 * level, NaN (in more than one bit pattern), both zeros, infinities, the ends of each range,
 * empty and long strings, supplementary characters and the characters UTF-16 order sorts
 * differently, binaries with 0x80 and 0xFF bytes and buffers that do not start at position 0.
 * Each file draws its own null and NaN rates per column, so some columns are all null or all NaN.
 */
final class RandomRecords {
  static final Schema SCHEMA = Schema.builder()
      .required("id", LONG)
      .optional("b", BOOLEAN)
      .optional("i", INT)
      .optional("l", LONG)
      .optional("f", FLOAT)
      .optional("d", DOUBLE)
      .required("rd", DOUBLE)
      .optional("dec4", decimal(4, 2))
      .optional("dec9", decimal(9, 2))
      .optional("dec18", decimal(18, 4))
      .optional("dec19", decimal(19, 0))
      .optional("dec38", decimal(38, 10))
      .optional("day", DATE)
      .optional("ts", TIMESTAMP)
      .optional("ntz", TIMESTAMP_NTZ)
      .optional("s", STRING)
      .required("rs", STRING)
      .optional("bin", BINARY)
      .optional("point", struct(required("x", DOUBLE), optional("y", FLOAT),
          optional("inner", struct(optional("label", STRING), optional("n", LONG), optional("when", TIMESTAMP),
              optional("amount", decimal(38, 2))))))
      .optional("tags", list(STRING))
      .optional("attrs", map(STRING, DOUBLE))
      .build();

  private static final int[] CODE_POINTS = {
      'a', 'b', 'z', ' ', '~', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
      0x10000, 0x1F600, 0x10FFFF};
  private static final int[] BYTES = {0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF};
  private static final long MAX_MICROS_SECONDS = Long.MAX_VALUE / 1_000_000L - 1;

  private final Random random;
  private final Map<Integer, Double> nullRates = new HashMap<>();
  private final Map<Integer, Double> nanRates = new HashMap<>();

  /** A source of records whose rates per column are drawn anew by {@link #newFile()}. */
  RandomRecords(Random random) {
    this.random = random;
    newFile();
  }

  /** Draws each column's null and NaN rates for the next file. */
  void newFile() {
    double[] nullChoices = {0.0, 0.0, 0.1, 0.5, 0.95, 1.0};
    double[] nanChoices = {0.0, 0.0, 0.05, 0.5, 1.0};
    nullRates.clear();
    nanRates.clear();
    for (int id = 0; id <= SCHEMA.highestFieldId(); id++) {
      nullRates.put(id, nullChoices[random.nextInt(nullChoices.length)]);
      nanRates.put(id, nanChoices[random.nextInt(nanChoices.length)]);
    }
  }

  /** The next record, its id {@code id}. */
  Record next(long id) {
    List<NestedField> fields = SCHEMA.columns();
    Object[] values = new Object[fields.size()];
    values[0] = id;
    for (int i = 1; i < values.length; i++) {
      values[i] = value(fields.get(i));
    }
    return Record.of(SCHEMA, values);
  }

  private Object value(NestedField field) {
    if (!field.required() && random.nextDouble() < nullRates.get(field.id())) {
      return null;
    }
    Type type = field.type();
    if (type instanceof StructType s) {
      Object[] values = new Object[s.fields().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = value(s.fields().get(i));
      }
      return Record.of(s, values);
    } else if (type instanceof ListType l) {
      List<Object> out = new ArrayList<>();
      for (int n = random.nextInt(4); n > 0; n--) {
        out.add(random.nextInt(5) == 0 ? null : primitive(l.elementType(), field.id()));
      }
      return out;
    } else if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int n = random.nextInt(4); n > 0; n--) {
        out.put(primitive(m.keyType(), field.id()), random.nextInt(5) == 0 ? null : primitive(m.valueType(), field.id()));
      }
      return out;
    }
    return primitive(type, field.id());
  }

  private Object primitive(Type type, int id) {
    if (type instanceof DecimalType d) {
      return randomDecimal(d);
    }
    switch ((PrimitiveType) type) {
      case BOOLEAN:
        return random.nextBoolean();
      case INT:
        return random.nextInt(4) == 0
            ? (Integer) pick(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1)
            : random.nextInt(2001) - 1000;
      case LONG:
        return random.nextInt(4) == 0
            ? (Long) pick(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L, (long) Integer.MIN_VALUE - 1)
            : random.nextLong() >> random.nextInt(64);
      case FLOAT:
        if (random.nextDouble() < nanRates.get(id)) {
          return (Float) pick(Float.NaN, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000));
        }
        return random.nextInt(3) == 0
            ? (Float) pick(0.0f, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
                -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE, 1.0f, -1.0f)
            : (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 10));
      case DOUBLE:
        if (random.nextDouble() < nanRates.get(id)) {
          return (Double) pick(Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L),
              Double.longBitsToDouble(0xfff8000000000000L));
        }
        return random.nextInt(3) == 0
            ? (Double) pick(0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, 1.0, -1.0)
            : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
      case DATE:
        return random.nextInt(5) == 0
            ? LocalDate.ofEpochDay((Integer) pick(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1))
            : LocalDate.ofEpochDay(random.nextInt(200_000) - 100_000);
      case TIMESTAMP:
        return instant();
      case TIMESTAMP_NTZ:
        return ntz();
      case STRING:
        return string();
      case BINARY:
        return binary();
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }

  private Object pick(Object... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private BigDecimal randomDecimal(DecimalType d) {
    BigInteger largest = BigInteger.TEN.pow(d.precision()).subtract(BigInteger.ONE);
    BigInteger unscaled;
    switch (random.nextInt(6)) {
      case 0:
        unscaled = largest;
        break;
      case 1:
        unscaled = largest.negate();
        break;
      case 2:
        unscaled = BigInteger.valueOf(random.nextInt(3) - 1);
        break;
      default:
        // any number of digits, either sign
        unscaled = new BigInteger(d.precision() * 3, random).mod(BigInteger.TEN.pow(1 + random.nextInt(d.precision())));
        if (random.nextBoolean()) {
          unscaled = unscaled.negate();
        }
    }
    return new BigDecimal(unscaled, d.scale());
  }

  private Instant instant() {
    switch (random.nextInt(8)) {
      case 0:
        // the earliest the writer takes: its seconds times a million must not overflow
        return Micros.toInstant(Long.MIN_VALUE / 1_000_000L * 1_000_000L).plusNanos(random.nextInt(1000));
      case 1:
        return Micros.toInstant(Long.MAX_VALUE).plusNanos(random.nextInt(1000));
      case 2:
        // sub-microsecond parts on both sides of the epoch
        return Instant.ofEpochSecond(random.nextInt(3) - 1, random.nextInt(3000));
      default:
        return Instant.ofEpochSecond(random.nextLong() % MAX_MICROS_SECONDS >> random.nextInt(40),
            random.nextInt(1_000_000_000));
    }
  }

  private LocalDateTime ntz() {
    Instant i = instant();
    return LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC);
  }

  private String string() {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return "";
    } else if (kind == 1) {
      // a long run of U+10FFFF: its upper bound cannot be shortened and is dropped
      return new String(Character.toChars(0x10FFFF)).repeat(15 + random.nextInt(4));
    }
    int length = kind <= 3 ? 10 + random.nextInt(30) : random.nextInt(8);
    StringBuilder sb = new StringBuilder();
    for (int n = 0; n < length; n++) {
      sb.appendCodePoint(random.nextInt(3) == 0 ? CODE_POINTS[random.nextInt(CODE_POINTS.length)] : 'a' + random.nextInt(3));
    }
    return sb.toString();
  }

  private ByteBuffer binary() {
    int kind = random.nextInt(8);
    int length = kind == 0 ? 0 : kind <= 2 ? 14 + random.nextInt(10) : random.nextInt(6);
    int offset = random.nextInt(3);
    byte[] bytes = new byte[offset + length];
    boolean allFf = random.nextInt(6) == 0;
    for (int n = offset; n < bytes.length; n++) {
      bytes[n] = (byte) (allFf ? 0xFF : random.nextBoolean() ? BYTES[random.nextInt(BYTES.length)] : random.nextInt(256));
    }
    // a read-only buffer is stored as it is, position and all
    ByteBuffer b = ByteBuffer.wrap(bytes);
    b.position(offset);
    return b.asReadOnlyBuffer();
  }
}
