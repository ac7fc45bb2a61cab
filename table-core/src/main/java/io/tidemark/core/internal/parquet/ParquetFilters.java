package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.Micros;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expression.Operation;
import io.tidemark.core.internal.expr.BoundVisitor;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Comparators;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.filter2.predicate.Statistics;
import org.apache.parquet.filter2.predicate.UserDefinedPredicate;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Turns a bound filter into a Parquet {@link FilterPredicate} for one data file, so Parquet can
 * skip row groups by their statistics (and dictionaries):
 * {@code ParquetReadOptions.builder(conf).withRecordFilter(FilterCompat.get(p)).useStatsFilter(true)}.
 *
 * <p>Columns are found by Parquet field id, never by name. The predicate is inclusive: every row
 * the filter matches passes it, but it may pass more (a predicate that cannot be expressed is
 * dropped from an {@code and}, and makes an enclosing {@code or} inexpressible), so the filter
 * itself must still be applied to the rows read. A field the file does not have is null in
 * every row of the file, so comparisons on it match nothing.
 */
final class ParquetFilters {
  /** The longest {@code in} list written as a disjunction of equalities. */
  static final int MAX_IN_AS_OR = 16;
  /** The longest {@code in} list given to Parquet as a set; a longer one becomes a range, or nothing. */
  static final int MAX_IN_AS_SET = 64;

  private ParquetFilters() {}

  /**
   * The Parquet predicate for a bound filter on a file of this Parquet schema, or null when
   * nothing of the filter can prune the file's row groups.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the filter is not bound
   */
  static FilterPredicate convert(Expression bound, MessageType fileSchema) {
    Columns columns = new Columns(fileSchema);
    Result result = BoundVisitor.visit(bound, new Converter(columns));
    if (result == Result.TRUE) {
      return null;
    }
    if (result == Result.FALSE) {
      return columns.alwaysFalse();
    }
    return result.predicate;
  }

  /** A converted expression: always true (or inexpressible), always false, or a predicate. */
  private static final class Result {
    static final Result TRUE = new Result(null);
    static final Result FALSE = new Result(null);

    final FilterPredicate predicate;

    private Result(FilterPredicate predicate) {
      this.predicate = predicate;
    }

    static Result of(FilterPredicate p) {
      return p == null ? TRUE : new Result(p);
    }
  }

  /** Converts each node; an inexpressible predicate becomes {@link Result#TRUE}. */
  private static final class Converter implements BoundVisitor<Result> {
    private final Columns columns;

    Converter(Columns columns) {
      this.columns = columns;
    }

    @Override
    public Result alwaysTrue() {
      return Result.TRUE;
    }

    @Override
    public Result alwaysFalse() {
      return Result.FALSE;
    }

    @Override
    public Result and(Result left, Result right) {
      if (left == Result.FALSE || right == Result.FALSE) {
        return Result.FALSE;
      }
      if (left == Result.TRUE) {
        return right;
      }
      if (right == Result.TRUE) {
        return left;
      }
      return Result.of(FilterApi.and(left.predicate, right.predicate));
    }

    @Override
    public Result or(Result left, Result right) {
      if (left == Result.TRUE || right == Result.TRUE) {
        return Result.TRUE;
      }
      if (left == Result.FALSE) {
        return right;
      }
      if (right == Result.FALSE) {
        return left;
      }
      return Result.of(FilterApi.or(left.predicate, right.predicate));
    }

    @Override
    public Result predicate(Operation op, int fieldId, List<Object> literals) {
      return ParquetFilters.predicate(op, fieldId, literals, columns);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Result predicate(Operation op, int id, List<Object> literals, Columns columns) {
    Leaf leaf = columns.byId.get(id);
    if (leaf == null) {
      if (columns.nested.contains(id)) {
        return Result.TRUE; // in the file, but not where a filter can reach it
      }
      // not in the file: null in every row
      return switch (op) {
        case IS_NULL, NOT_NAN -> Result.TRUE;
        default -> Result.FALSE;
      };
    }
    Operators.Column column = leaf.column();
    if (column == null) {
      return Result.TRUE;
    }
    switch (op) {
      case IS_NULL:
        return Result.of(FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) column, null));
      case NOT_NULL:
        return Result.of(FilterApi.notEq((Operators.Column & Operators.SupportsEqNotEq) column, null));
      case IS_NAN:
      case NOT_NAN:
        return Result.TRUE;
      case STARTS_WITH:
      case NOT_STARTS_WITH: {
        if (leaf.type.getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
          return Result.TRUE;
        }
        byte[] prefix = ((String) literals.get(0)).getBytes(StandardCharsets.UTF_8);
        FilterPredicate starts = FilterApi.userDefined((BinaryColumn) column, new StartsWith(prefix));
        return Result.of(op == Operation.STARTS_WITH ? starts : FilterApi.not(starts));
      }
      default:
        break;
    }
    boolean ordered = column instanceof Operators.SupportsLtGt;
    Comparable[] values = new Comparable[literals.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = physical(leaf, literals.get(i), op);
      if (values[i] == null) {
        return Result.TRUE;
      }
    }
    Operators.Column eqColumn = column;
    switch (op) {
      case LT:
        return ordered ? Result.of(FilterApi.lt((Operators.Column & Operators.SupportsLtGt) column, values[0])) : Result.TRUE;
      case LT_EQ:
        return ordered ? Result.of(FilterApi.ltEq((Operators.Column & Operators.SupportsLtGt) column, values[0])) : Result.TRUE;
      case GT:
        return ordered ? Result.of(FilterApi.gt((Operators.Column & Operators.SupportsLtGt) column, values[0])) : Result.TRUE;
      case GT_EQ:
        return ordered ? Result.of(FilterApi.gtEq((Operators.Column & Operators.SupportsLtGt) column, values[0])) : Result.TRUE;
      case EQ: {
        Set<Comparable> set = withBothZeros(values);
        if (set.size() > 1) { // -0.0 and 0.0
          Comparable[] both = set.toArray(new Comparable[0]);
          return Result.of(FilterApi.or(FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) eqColumn, both[0]),
              FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) eqColumn, both[1])));
        }
        return Result.of(FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) eqColumn, values[0]));
      }
      case NOT_EQ:
        return Result.of(FilterApi.notEq((Operators.Column & Operators.SupportsEqNotEq) eqColumn, values[0]));
      case IN: {
        Set<Comparable> set = withBothZeros(values);
        if (set.size() > MAX_IN_AS_SET) {
          // Parquet tests each row against every value of an "in": a long list costs more than it
          // saves. Integers keep the range of the list (their order is Parquet's); others, nothing.
          if (ordered && set.stream().allMatch(v -> v instanceof Long || v instanceof Integer)) {
            Comparable min = java.util.Collections.min(set);
            Comparable max = java.util.Collections.max(set);
            return Result.of(FilterApi.and(
                FilterApi.gtEq((Operators.Column & Operators.SupportsLtGt) column, min),
                FilterApi.ltEq((Operators.Column & Operators.SupportsLtGt) column, max)));
          }
          return Result.TRUE;
        }
        if (set.size() > MAX_IN_AS_OR) {
          return Result.of(FilterApi.in((Operators.Column & Operators.SupportsEqNotEq) eqColumn, set));
        }
        // Parquet's statistics test of "in" only checks the whole list against min and max;
        // a disjunction of equalities tests each value
        FilterPredicate any = null;
        for (Comparable v : set) {
          FilterPredicate eq = FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) eqColumn, v);
          any = any == null ? eq : FilterApi.or(any, eq);
        }
        return Result.of(any);
      }
      case NOT_IN:
        return Result.of(FilterApi.notIn((Operators.Column & Operators.SupportsEqNotEq) eqColumn,
            new HashSet<>(Arrays.asList(values))));
      default:
        return Result.TRUE;
    }
  }

  /**
   * The values, with both -0.0 and 0.0 when either is there: the filter treats them as equal,
   * Parquet orders -0.0 before 0.0.
   */
  @SuppressWarnings("rawtypes")
  private static Set<Comparable> withBothZeros(Comparable[] values) {
    Set<Comparable> set = new HashSet<>(Arrays.asList(values));
    for (Comparable v : values) {
      if (v instanceof Float f && f == 0.0f) {
        set.add(0.0f);
        set.add(-0.0f);
      } else if (v instanceof Double d && d == 0.0d) {
        set.add(0.0d);
        set.add(-0.0d);
      }
    }
    return set;
  }

  /**
   * The literal as a value of the column's physical type, or null when it cannot be written
   * exactly (the predicate is then dropped).
   */
  @SuppressWarnings("rawtypes")
  private static Comparable physical(Leaf leaf, Object literal, Operation op) {
    org.apache.parquet.schema.PrimitiveType type = leaf.type;
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    switch (type.getPrimitiveTypeName()) {
      case BOOLEAN:
        return literal instanceof Boolean b ? b : null;
      case INT32: {
        Long v = integral(logical, literal);
        return v != null && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? Integer.valueOf(v.intValue()) : null;
      }
      case INT64:
        return integral(logical, literal);
      case FLOAT: {
        if (logical != null) {
          return null;
        }
        float f;
        if (literal instanceof Float x) {
          f = x;
        } else if (literal instanceof Double d && (double) d.floatValue() == d) {
          f = d.floatValue();
        } else {
          return null;
        }
        return zero(f, op);
      }
      case DOUBLE: {
        if (logical != null || !(literal instanceof Double || literal instanceof Float)) {
          return null;
        }
        return zero(((Number) literal).doubleValue(), op);
      }
      case BINARY:
        if (literal instanceof String s && (logical == null
            || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation)) {
          return Binary.fromString(s);
        }
        if (literal instanceof ByteBuffer b && logical == null) {
          // a byte array, not the buffer: Parquet's dictionary filter misses buffer-backed values
          byte[] bytes = new byte[b.remaining()];
          b.duplicate().get(bytes);
          return Binary.fromConstantByteArray(bytes);
        }
        return null;
      case FIXED_LEN_BYTE_ARRAY: {
        BigInteger unscaled = unscaled(logical, literal);
        if (unscaled == null) {
          return null;
        }
        byte[] minimal = unscaled.toByteArray();
        int length = type.getTypeLength();
        if (minimal.length > length) {
          return null;
        }
        byte[] out = new byte[length];
        Arrays.fill(out, 0, length - minimal.length, unscaled.signum() < 0 ? (byte) 0xFF : 0);
        System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
        return Binary.fromConstantByteArray(out);
      }
      default:
        return null;
    }
  }

  /** Zero for a range bound chosen so that Parquet's -0.0 &lt; 0.0 order keeps both zeros in range. */
  private static Comparable<?> zero(double v, Operation op) {
    if (v != 0.0d) {
      return v;
    }
    return op == Operation.GT || op == Operation.GT_EQ ? -0.0d : 0.0d;
  }

  private static Comparable<?> zero(float v, Operation op) {
    if (v != 0.0f) {
      return v;
    }
    return op == Operation.GT || op == Operation.GT_EQ ? -0.0f : 0.0f;
  }

  /** An int or long column's value: plain integers, dates (days), timestamps (micros), decimals (unscaled). */
  private static Long integral(LogicalTypeAnnotation logical, Object literal) {
    if (logical == null || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned()) {
      return literal instanceof Integer || literal instanceof Long ? ((Number) literal).longValue() : null;
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return literal instanceof LocalDate d ? d.toEpochDay() : null;
    }
    if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
      if (ts.getUnit() != LogicalTypeAnnotation.TimeUnit.MICROS) {
        return null;
      }
      try {
        if (literal instanceof Instant i) {
          return Micros.of(i);
        }
        if (literal instanceof LocalDateTime t) {
          return Micros.of(t);
        }
      } catch (InvalidArgumentException e) {
        return null;
      }
      return null;
    }
    BigInteger unscaled = unscaled(logical, literal);
    return unscaled != null && unscaled.bitLength() < 64 ? unscaled.longValue() : null;
  }

  private static BigInteger unscaled(LogicalTypeAnnotation logical, Object literal) {
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d && literal instanceof BigDecimal v
        && v.scale() == d.getScale()) {
      return v.unscaledValue();
    }
    return null;
  }

  /** A primitive column of the file reachable through structs only. */
  private record Leaf(String[] path, org.apache.parquet.schema.PrimitiveType type) {
    /** The filter column, or null for a physical type filters do not support (INT96). */
    Operators.Column<?> column() {
      ColumnPath at = ColumnPath.get(path);
      switch (type.getPrimitiveTypeName()) {
        case BOOLEAN:
          return new BooleanColumn(at);
        case INT32:
          return new IntColumn(at);
        case INT64:
          return new LongColumn(at);
        case FLOAT:
          return new FloatColumn(at);
        case DOUBLE:
          return new DoubleColumn(at);
        case BINARY:
        case FIXED_LEN_BYTE_ARRAY:
          return new BinaryColumn(at);
        default:
          return null;
      }
    }
  }

  // Filter columns made from a path of names. FilterApi's factories take one dotted string and
  // split it on dots, so they cannot name a column whose name holds a dot, and the column classes
  // they return have package-private constructors. Column's own constructor is protected for
  // subclasses: Parquet's filters (statistics, dictionary, column index, record level) use only
  // a column's path and value class, so these classes work everywhere Parquet's own do, for every
  // column alike (one mechanism, which every filtered read goes through).

  private static final class BooleanColumn extends Operators.Column<Boolean> implements Operators.SupportsEqNotEq {
    private static final long serialVersionUID = 1L;

    BooleanColumn(ColumnPath path) {
      super(path, Boolean.class);
    }
  }

  private static final class IntColumn extends Operators.Column<Integer> implements Operators.SupportsLtGt {
    private static final long serialVersionUID = 1L;

    IntColumn(ColumnPath path) {
      super(path, Integer.class);
    }
  }

  private static final class LongColumn extends Operators.Column<Long> implements Operators.SupportsLtGt {
    private static final long serialVersionUID = 1L;

    LongColumn(ColumnPath path) {
      super(path, Long.class);
    }
  }

  private static final class FloatColumn extends Operators.Column<Float> implements Operators.SupportsLtGt {
    private static final long serialVersionUID = 1L;

    FloatColumn(ColumnPath path) {
      super(path, Float.class);
    }
  }

  private static final class DoubleColumn extends Operators.Column<Double> implements Operators.SupportsLtGt {
    private static final long serialVersionUID = 1L;

    DoubleColumn(ColumnPath path) {
      super(path, Double.class);
    }
  }

  private static final class BinaryColumn extends Operators.Column<Binary> implements Operators.SupportsLtGt {
    private static final long serialVersionUID = 1L;

    BinaryColumn(ColumnPath path) {
      super(path, Binary.class);
    }
  }

  /** The file's columns by field id. */
  private static final class Columns {
    final Map<Integer, Leaf> byId = new HashMap<>();
    /** Ids in the file that a filter cannot use (inside lists and maps, or not primitive). */
    final Set<Integer> nested = new HashSet<>();

    Columns(MessageType schema) {
      collect(schema, new String[0], true);
    }

    private void collect(GroupType group, String[] prefix, boolean reachable) {
      for (Type field : group.getFields()) {
        String[] path = Arrays.copyOf(prefix, prefix.length + 1);
        path[prefix.length] = field.getName();
        boolean here = reachable && !field.isRepetition(Type.Repetition.REPEATED);
        Integer id = field.getId() == null ? null : field.getId().intValue();
        if (field.isPrimitive()) {
          if (id != null) {
            if (here && !byId.containsKey(id)) {
              byId.put(id, new Leaf(path, field.asPrimitiveType()));
            } else {
              nested.add(id);
            }
          }
        } else {
          LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
          boolean struct = !(logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
              || logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation);
          if (id != null) {
            nested.add(id);
          }
          collect(field.asGroupType(), path, here && struct);
        }
      }
    }

    /** A predicate that drops every row group with statistics: no value is kept. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    FilterPredicate alwaysFalse() {
      for (Leaf leaf : byId.values()) {
        Operators.Column column = leaf.column();
        if (column != null) {
          return FilterApi.userDefined(column, new AlwaysFalse());
        }
      }
      return null;
    }
  }

  /** {@code starts with} on the UTF-8 bytes of a string column. */
  static final class StartsWith extends UserDefinedPredicate<Binary> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] prefix;

    StartsWith(byte[] prefix) {
      this.prefix = prefix.clone();
    }

    @Override
    public boolean keep(Binary value) {
      if (value == null) {
        return false;
      }
      ByteBuffer b = value.toByteBuffer();
      if (b.remaining() < prefix.length) {
        return false;
      }
      return b.duplicate().limit(b.position() + prefix.length).equals(ByteBuffer.wrap(prefix));
    }

    @Override
    public boolean canDrop(Statistics<Binary> statistics) {
      Binary min = statistics.getMin();
      Binary max = statistics.getMax();
      ByteBuffer p = ByteBuffer.wrap(prefix);
      if (max != null && Comparators.compareBytes(max.toByteBuffer(), p) < 0) {
        return true; // every value sorts before the prefix
      }
      if (min != null) {
        ByteBuffer head = min.toByteBuffer();
        if (head.remaining() > prefix.length) {
          head = head.duplicate().limit(head.position() + prefix.length);
        }
        return Comparators.compareBytes(head, p) > 0; // every value sorts after the prefix's range
      }
      return false;
    }

    @Override
    public boolean inverseCanDrop(Statistics<Binary> statistics) {
      Binary min = statistics.getMin();
      Binary max = statistics.getMax();
      return min != null && max != null && keep(min) && keep(max);
    }

    @Override
    public String toString() {
      return "startsWith(" + new String(prefix, StandardCharsets.UTF_8) + ")";
    }
  }

  /** Keeps nothing. */
  @SuppressWarnings("rawtypes")
  static final class AlwaysFalse extends UserDefinedPredicate implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean keep(Comparable value) {
      return false;
    }

    @Override
    public boolean canDrop(Statistics statistics) {
      return true;
    }

    @Override
    public boolean inverseCanDrop(Statistics statistics) {
      return false;
    }

    @Override
    public String toString() {
      return "false";
    }
  }
}
