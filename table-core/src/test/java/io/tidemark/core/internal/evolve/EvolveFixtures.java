package io.tidemark.core.internal.evolve;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Scan;
import io.tidemark.core.Table;
import io.tidemark.core.TestTables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.NestedField;
import java.util.ArrayList;
import java.util.List;

/** Helpers of the evolution tests: rows as comparable text. */
final class EvolveFixtures {
  private EvolveFixtures() {}

  /** A record as {@code name=value, ...} in its struct's column order, nested records too. */
  static String text(Record r) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      NestedField f = r.struct().fields().get(i);
      parts.add(f.name() + "=" + value(r.get(i)));
    }
    return String.join(", ", parts);
  }

  private static String value(Object v) {
    if (v instanceof Record r) {
      return "{" + text(r) + "}";
    } else if (v instanceof List<?> l) {
      return l.stream().map(EvolveFixtures::value).toList().toString();
    } else if (v instanceof java.util.Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      new java.util.TreeMap<>(m).forEach((k, x) -> b.append(b.length() > 1 ? ", " : "").append(k).append(':')
          .append(value(x)));
      return b.append('}').toString();
    } else if (v == null) {
      return "null";
    }
    return v + (v instanceof Long ? "L" : "");
  }

  /** The rows of a scan as text, sorted. */
  static List<String> rows(Scan scan) {
    return TestTables.read(scan).stream().map(EvolveFixtures::text).sorted().toList();
  }

  /** The rows of the newest version. */
  static List<String> rows(Table table) {
    return rows(table.newScan());
  }

  /** The rows of a version. */
  static List<String> rows(Table table, long version) {
    return rows(table.newScan().asOfVersion(version));
  }

  /** Appends records in one commit; returns the version. */
  static long append(Table table, Record... records) {
    try (AppendWriter w = table.newAppend()) {
      for (Record r : records) {
        w.write(r);
      }
      return w.commit().version();
    }
  }
}
