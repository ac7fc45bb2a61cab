package io.tidemark.spark;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.Transform;

/**
 * Spark's partition transforms mapped to Tidemark's hidden partitioning and back: {@code identity},
 * {@code years}, {@code months}, {@code days}, {@code hours}, {@code bucket(N, col)} and
 * {@code truncate(col, W)} (or {@code truncate(W, col)}).
 */
final class PartitionTransforms {
  private PartitionTransforms() {}

  /** The Spark transforms of a spec. */
  static Transform[] toSpark(Schema schema, PartitionSpec spec) {
    List<Transform> out = new ArrayList<>();
    for (PartitionField f : spec.fields()) {
      String column = schema.findField(f.sourceId()).name();
      io.tidemark.spec.partition.Transform t = f.transform();
      switch (t.name()) {
        case "identity" -> out.add(Expressions.identity(column));
        case "year" -> out.add(Expressions.years(column));
        case "month" -> out.add(Expressions.months(column));
        case "day" -> out.add(Expressions.days(column));
        case "hour" -> out.add(Expressions.hours(column));
        case "bucket" -> out.add(Expressions.bucket(t.parameter(), column));
        case "truncate" -> out.add(Expressions.apply("truncate", Expressions.column(column),
            Expressions.literal(t.parameter())));
        default -> { } // void: nothing Spark could partition by
      }
    }
    return out.toArray(new Transform[0]);
  }

  /** The spec for Spark's transforms. */
  static PartitionSpec toTidemark(Schema schema, Transform[] transforms) {
    PartitionSpec.Builder b = PartitionSpec.builderFor(schema);
    for (Transform t : transforms) {
      String column = null;
      Integer number = null;
      for (Expression arg : t.arguments()) {
        if (arg instanceof NamedReference r) {
          if (r.fieldNames().length != 1) {
            throw new InvalidArgumentException("partition transform " + t.describe()
                + " names a nested field; Tidemark partitions by top-level columns");
          }
          column = r.fieldNames()[0];
        } else if (arg instanceof Literal<?> l && l.value() instanceof Number n) {
          number = n.intValue();
        }
      }
      if (column == null) {
        throw new InvalidArgumentException("partition transform " + t.describe() + " names no column");
      }
      switch (t.name().toLowerCase(java.util.Locale.ROOT)) {
        case "identity" -> b.identity(column);
        case "years", "year" -> b.year(column);
        case "months", "month" -> b.month(column);
        case "days", "day", "date" -> b.day(column);
        case "hours", "hour", "date_hour" -> b.hour(column);
        case "bucket" -> b.bucket(column, need(number, t));
        case "truncate" -> b.truncate(column, need(number, t));
        default -> throw new InvalidArgumentException("partition transform " + t.describe()
            + " is not supported; use identity, years, months, days, hours, bucket or truncate");
      }
    }
    return b.build();
  }

  private static int need(Integer number, Transform t) {
    if (number == null) {
      throw new InvalidArgumentException("partition transform " + t.describe() + " needs a number");
    }
    return number;
  }
}
