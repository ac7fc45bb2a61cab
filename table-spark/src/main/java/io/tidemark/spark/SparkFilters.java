package io.tidemark.spark;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.sources.AlwaysFalse;
import org.apache.spark.sql.sources.AlwaysTrue;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;

/**
 * Translates Spark's filters into Tidemark expressions. A filter is translated only when Tidemark
 * keeps exactly the rows Spark would: both use three-valued logic, compare strings by code point
 * and timestamps by microsecond, so a translated filter is applied in full by the scan tasks
 * (every row is checked) and Spark need not evaluate it again. Not translated, and left to Spark:
 * comparisons on float and double columns (Spark orders NaN above every number and equal to
 * itself, Tidemark treats a comparison with NaN as unknown), filters on nested fields, and
 * filters Tidemark has no predicate for ({@code LIKE '%x'}, {@code contains}, …).
 */
final class SparkFilters {
  private SparkFilters() {}

  /** The expression for a filter, or null when it cannot be translated exactly. */
  static Expression translate(Schema schema, Filter filter) {
    if (filter instanceof AlwaysTrue) {
      return Expressions.alwaysTrue();
    } else if (filter instanceof AlwaysFalse) {
      return Expressions.alwaysFalse();
    } else if (filter instanceof And a) {
      Expression l = translate(schema, a.left());
      Expression r = translate(schema, a.right());
      return l == null || r == null ? null : Expressions.and(l, r);
    } else if (filter instanceof Or o) {
      Expression l = translate(schema, o.left());
      Expression r = translate(schema, o.right());
      return l == null || r == null ? null : Expressions.or(l, r);
    } else if (filter instanceof Not n) {
      Expression c = translate(schema, n.child());
      return c == null ? null : Expressions.not(c);
    } else if (filter instanceof IsNull f) {
      return column(schema, f.attribute(), true) == null ? null : Expressions.isNull(f.attribute());
    } else if (filter instanceof IsNotNull f) {
      return column(schema, f.attribute(), true) == null ? null : Expressions.notNull(f.attribute());
    }
    String attribute = attribute(filter);
    if (attribute == null || column(schema, attribute, false) == null) {
      return null;
    }
    if (filter instanceof EqualTo f) {
      return f.value() == null ? null : Expressions.equal(attribute, literal(f.value()));
    } else if (filter instanceof EqualNullSafe f) {
      // with a non-null value, null-safe equality keeps the same rows as equality
      return f.value() == null ? Expressions.isNull(attribute) : Expressions.equal(attribute, literal(f.value()));
    } else if (filter instanceof GreaterThan f) {
      return f.value() == null ? null : Expressions.greaterThan(attribute, literal(f.value()));
    } else if (filter instanceof GreaterThanOrEqual f) {
      return f.value() == null ? null : Expressions.greaterThanOrEqual(attribute, literal(f.value()));
    } else if (filter instanceof LessThan f) {
      return f.value() == null ? null : Expressions.lessThan(attribute, literal(f.value()));
    } else if (filter instanceof LessThanOrEqual f) {
      return f.value() == null ? null : Expressions.lessThanOrEqual(attribute, literal(f.value()));
    } else if (filter instanceof In f) {
      List<Object> values = new ArrayList<>();
      for (Object v : f.values()) {
        if (v != null) { // x IN (1, null) keeps the rows x IN (1) keeps
          values.add(literal(v));
        }
      }
      return values.isEmpty() ? Expressions.alwaysFalse() : Expressions.in(attribute, values);
    } else if (filter instanceof StringStartsWith f) {
      return Expressions.startsWith(attribute, f.value());
    }
    return null;
  }

  private static String attribute(Filter filter) {
    if (filter instanceof EqualTo f) {
      return f.attribute();
    } else if (filter instanceof EqualNullSafe f) {
      return f.attribute();
    } else if (filter instanceof GreaterThan f) {
      return f.attribute();
    } else if (filter instanceof GreaterThanOrEqual f) {
      return f.attribute();
    } else if (filter instanceof LessThan f) {
      return f.attribute();
    } else if (filter instanceof LessThanOrEqual f) {
      return f.attribute();
    } else if (filter instanceof In f) {
      return f.attribute();
    } else if (filter instanceof StringStartsWith f) {
      return f.attribute();
    }
    return null;
  }

  /**
   * The top-level column a filter names, or null when there is none or (unless {@code nullTest})
   * it is a float or double. Nested names come as {@code a.b}, which is never a top-level column.
   */
  private static NestedField column(Schema schema, String attribute, boolean nullTest) {
    NestedField f = schema.findColumn(attribute);
    if (f == null) {
      return null;
    }
    if (!nullTest && (f.type() == PrimitiveType.FLOAT || f.type() == PrimitiveType.DOUBLE)) {
      return null;
    }
    return f;
  }

  /** Spark's external values in the classes Tidemark literals take. */
  private static Object literal(Object v) {
    Objects.requireNonNull(v);
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant();
    } else if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    } else if (v instanceof scala.math.BigDecimal b) {
      return b.bigDecimal();
    }
    return v;
  }
}
