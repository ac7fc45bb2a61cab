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
import static io.tidemark.spec.types.Types.list;
import static io.tidemark.spec.types.Types.optional;
import static io.tidemark.spec.types.Types.required;
import static io.tidemark.spec.types.Types.struct;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;

/** A schema with a column of every primitive type and a nested struct. */
final class TestSchemas {
  static final Schema SCHEMA = Schema.builder()
      .required("id", LONG)
      .optional("i", INT)
      .optional("l", LONG)
      .optional("f", FLOAT)
      .optional("d", DOUBLE)
      .optional("dec", decimal(9, 2))
      .optional("big", decimal(38, 10))
      .optional("day", DATE)
      .optional("ts", TIMESTAMP)
      .optional("ntz", TIMESTAMP_NTZ)
      .optional("s", STRING)
      .optional("bin", BINARY)
      .optional("flag", BOOLEAN)
      .optional("point", struct(required("x", DOUBLE), optional("y", DOUBLE),
          optional("inner", struct(optional("label", STRING)))))
      .optional("tags", list(STRING))
      .optional("odd name", INT)
      .build();

  static final StructType POINT = (StructType) SCHEMA.column("point").type();
  static final StructType INNER = (StructType) POINT.field("inner").type();

  private TestSchemas() {}

  static int id(String column) {
    return SCHEMA.column(column).id();
  }

  /** A record of SCHEMA with the named columns set, others null (id defaults to 1). */
  static Record row(Object... namesAndValues) {
    Record.Builder b = Record.builder(SCHEMA).set("id", 1L);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.set((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  static Record point(Double x, Double y, String label) {
    Record inner = label == null ? null : Record.of(INNER, label);
    return Record.of(POINT, x, y, inner);
  }

  static NestedField field(String column) {
    return SCHEMA.column(column);
  }
}
