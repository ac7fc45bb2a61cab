package io.tidemark.core.internal.expr;

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
import static io.tidemark.spec.types.Types.optional;
import static io.tidemark.spec.types.Types.required;
import static io.tidemark.spec.types.Types.struct;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random rows and random filters over a schema of every primitive type, drawn from small domains
 * with the awkward values (bounds of ranges, NaN, -0.0, long and supplementary strings, day and
 * hour boundaries) so that predicates hit, miss and tie often.
 */
public final class RandomData {
  public static final Schema SCHEMA = Schema.builder()
      .required("id", LONG)
      .optional("i", INT)
      .optional("l", LONG)
      .optional("f", FLOAT)
      .optional("d", DOUBLE)
      .optional("dec", decimal(9, 2))
      .optional("day", DATE)
      .optional("ts", TIMESTAMP)
      .optional("ntz", TIMESTAMP_NTZ)
      .optional("s", STRING)
      .optional("bin", BINARY)
      .optional("flag", BOOLEAN)
      .optional("point", struct(required("x", DOUBLE), optional("label", STRING)))
      .optional("odd.name", INT)
      .build();

  public static final StructType POINT = (StructType) SCHEMA.column("point").type();

  /** The primitive columns a filter can name, by their filter-language reference. */
  static final List<String> COLUMNS = List.of("id", "i", "l", "f", "d", "dec", "day", "ts", "ntz", "s", "bin",
      "flag", "point.x", "point.label", "`odd.name`");

  private static final String EMOJI = new String(Character.toChars(0x1F600));
  private static final String MAX_CP = new String(Character.toChars(0x10FFFF));
  private static final String[] STRINGS = {
      "", "a", "ab", "abc", "abd", "abcd", "b", "zz", "\uFFFD", EMOJI, EMOJI + "a", "a" + EMOJI,
      "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrs", "abcdefghijklmnoq", "abcdefghijklmnopz",
      MAX_CP.repeat(17), "a" + MAX_CP.repeat(16) + "b", "\uD7FF".repeat(16) + "x",
  };
  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

  private final Random random;

  public RandomData(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  /** A random row of SCHEMA with this id. */
  public Record row(long id) {
    Object[] values = new Object[SCHEMA.columns().size()];
    values[0] = id;
    for (int c = 1; c < values.length; c++) {
      NestedField f = SCHEMA.columns().get(c);
      if (random.nextInt(7) == 0) {
        continue; // null
      }
      if (f.type() instanceof StructType s) {
        values[c] = Record.of(s, value(DOUBLE, true), random.nextInt(3) == 0 ? null : value(STRING, true));
      } else {
        values[c] = value(f.type(), true);
      }
    }
    return Record.of(SCHEMA, values);
  }

  /** A random non-null value of a primitive type; NaN and sub-microsecond times only in rows. */
  Object value(Type type, boolean inRow) {
    if (type instanceof DecimalType d) {
      switch (random.nextInt(8)) {
        case 0:
          return new BigDecimal("9999999.99");
        case 1:
          return new BigDecimal("-9999999.99");
        default:
          return BigDecimal.valueOf(random.nextInt(4001) - 2000, d.scale());
      }
    }
    switch ((PrimitiveType) type) {
      case BOOLEAN:
        return random.nextBoolean();
      case INT:
        switch (random.nextInt(12)) {
          case 0:
            return Integer.MIN_VALUE;
          case 1:
            return Integer.MAX_VALUE;
          default:
            return random.nextInt(41) - 20;
        }
      case LONG:
        switch (random.nextInt(12)) {
          case 0:
            return Long.MIN_VALUE;
          case 1:
            return Long.MAX_VALUE;
          default:
            return (long) (random.nextInt(41) - 20);
        }
      case FLOAT:
        return (float) (double) (Double) value(DOUBLE, inRow);
      case DOUBLE:
        switch (random.nextInt(14)) {
          case 0:
            return inRow ? Double.NaN : 0.0;
          case 1:
            return -0.0;
          case 2:
            return 0.0;
          case 3:
            return Double.POSITIVE_INFINITY;
          case 4:
            return Double.NEGATIVE_INFINITY;
          default:
            return (random.nextInt(21) - 10) / 4.0;
        }
      case DATE:
        return random.nextInt(10) == 0 ? LocalDate.of(1969, 12, 31) : LocalDate.of(2023, 12, 28).plusDays(random.nextInt(10));
      case TIMESTAMP:
        return instant(inRow);
      case TIMESTAMP_NTZ:
        return LocalDateTime.ofInstant(instant(inRow), ZoneOffset.UTC);
      case STRING:
        if (random.nextInt(3) == 0) {
          StringBuilder sb = new StringBuilder();
          int n = random.nextInt(20);
          String[] parts = {"a", "b", "c", EMOJI};
          for (int k = 0; k < n; k++) {
            sb.append(parts[random.nextInt(parts.length)]);
          }
          return sb.toString();
        }
        return STRINGS[random.nextInt(STRINGS.length)];
      case BINARY: {
        int n = random.nextInt(4) == 0 ? 15 + random.nextInt(4) : random.nextInt(4);
        int[] pool = {0x00, 0x01, 0x7F, 0x80, 0xFF};
        byte[] bytes = new byte[n];
        for (int k = 0; k < n; k++) {
          bytes[k] = (byte) pool[random.nextInt(pool.length)];
        }
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
      }
      default:
        throw new IllegalStateException("unhandled type " + type);
    }
  }

  private Instant instant(boolean inRow) {
    switch (random.nextInt(6)) {
      case 0:
        return BASE.plusSeconds(86_400L * (random.nextInt(7) - 3)); // midnight
      case 1:
        return BASE.plusSeconds(3_600L * (random.nextInt(9) - 4)); // an hour boundary
      case 2:
        return BASE.plusSeconds(86_400L * (random.nextInt(7) - 3)).minusNanos(1000); // just before midnight
      case 3:
        return inRow ? BASE.plusNanos(random.nextInt(3000) - 1500) : BASE.plusNanos(1000L * (random.nextInt(3) - 1));
      default:
        return BASE.plusSeconds(random.nextInt(6 * 86_400) - 3 * 86_400L).plusNanos(1000L * random.nextInt(1000));
    }
  }

  /** The type of a filter column reference. */
  static Type typeOf(String column) {
    return Binder.resolve(SCHEMA.asStruct(), Parser.parseReference(column)).type();
  }

  /** A random filter of at most this depth, unbound. */
  public Expression expression(int depth) {
    if (depth > 0 && random.nextInt(3) > 0) {
      switch (random.nextInt(5)) {
        case 0:
        case 1:
          return Expressions.and(expression(depth - 1), expression(depth - 1));
        case 2:
        case 3:
          return Expressions.or(expression(depth - 1), expression(depth - 1));
        default:
          return Expressions.not(expression(depth - 1));
      }
    }
    if (random.nextInt(40) == 0) {
      return random.nextBoolean() ? Expressions.alwaysTrue() : Expressions.alwaysFalse();
    }
    return predicate();
  }

  /** A random predicate on a random column. */
  Expression predicate() {
    String column = COLUMNS.get(random.nextInt(COLUMNS.size()));
    Type type = typeOf(column);
    boolean floating = type == PrimitiveType.FLOAT || type == PrimitiveType.DOUBLE;
    int choice = random.nextInt(floating ? 14 : type == PrimitiveType.STRING ? 14 : 12);
    switch (choice) {
      case 0:
        return Expressions.isNull(column);
      case 1:
        return Expressions.notNull(column);
      case 2:
        return Expressions.lessThan(column, value(type, false));
      case 3:
        return Expressions.lessThanOrEqual(column, value(type, false));
      case 4:
        return Expressions.greaterThan(column, value(type, false));
      case 5:
        return Expressions.greaterThanOrEqual(column, value(type, false));
      case 6:
      case 7:
        return Expressions.equal(column, value(type, false));
      case 8:
        return Expressions.notEqual(column, value(type, false));
      case 9:
        return Expressions.in(column, values(type));
      case 10:
        return Expressions.notIn(column, values(type));
      case 11:
        return Expressions.equal(column, value(type, false));
      default:
        if (floating) {
          return choice == 12 ? Expressions.isNaN(column) : Expressions.notNaN(column);
        }
        String s = (String) value(type, false);
        String prefix = s.substring(0, s.offsetByCodePoints(0, random.nextInt(s.codePointCount(0, s.length()) + 1)));
        return choice == 12 ? Expressions.startsWith(column, prefix) : Expressions.notStartsWith(column, prefix);
    }
  }

  private List<Object> values(Type type) {
    int n = 1 + random.nextInt(4);
    List<Object> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(value(type, false));
    }
    return out;
  }
}
