package io.tidemark.core.golden;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The golden table {@code testdata/golden/v1-evolved}: rows written before a series of schema
 * and partition changes, and after each. {@link #main} wrote it once; do not rewrite it.
 *
 * <ol>
 *   <li>v0 create {@code id long not null, name string, n int, price float, amt decimal(5,2),
 *       pt struct<x: double>}, partitioned by {@code identity(name)}</li>
 *   <li>v1 append ids 1, 2</li>
 *   <li>v2 SET SCHEMA: add {@code country string} after id, rename name to label, widen n to long,
 *       price to double, amt to decimal(9,2)</li>
 *   <li>v3 append id 3</li>
 *   <li>v4 SET PARTITION SPEC: {@code bucket(2, id)}</li>
 *   <li>v5 append id 4</li>
 *   <li>v6 SET SCHEMA: drop price, add pt.y double, make id optional</li>
 *   <li>v7 merge-schema append of id 5 with a new column {@code tag string}</li>
 * </ol>
 */
public final class GoldenEvolvedTables {
  /** The schema the table was created with. */
  public static final Schema SCHEMA = SchemaDdl.parse(
      "id long not null, name string, n int, price float, amt decimal(5,2), pt struct<x: double>");

  private GoldenEvolvedTables() {}

  /** Writes the golden table at the path given; used once. */
  public static void main(String[] args) {
    Table t = Tables.create(Path.of(args[0]).toString(), SCHEMA, PartitionSpec.builderFor(SCHEMA).identity("name")
        .build(), java.util.Map.of());
    StructType pt = (StructType) SCHEMA.column("pt").type();
    append(t, Record.of(SCHEMA, 1L, "a", 10, 1.5f, new BigDecimal("1.25"), Record.of(pt, 0.5)),
        Record.of(SCHEMA, 2L, "b", 20, 2.5f, new BigDecimal("2.50"), null));
    t.updateSchema().addColumn("country", Types.STRING).after("id").renameColumn("name", "label")
        .widenColumn("n", Types.LONG).widenColumn("price", Types.DOUBLE).widenColumn("amt", Types.decimal(9, 2))
        .commit();
    Schema s2 = t.schema();
    append(t, Record.of(s2, 3L, "NL", "c", 5_000_000_000L, 3.25, new BigDecimal("1234567.89"), Record.of(pt, 3.0)));
    t.updateSpec().replaceWith("bucket(2, id)").commit();
    append(t, Record.of(s2, 4L, "DE", "a", 40L, null, new BigDecimal("4.00"), null));
    t.updateSchema().dropColumn("price").addColumn("pt.y", Types.DOUBLE).makeOptional("id").commit();
    Schema s6 = t.schema();
    Schema wider = SchemaDdl.parse("id long, country string, label string, n long, amt decimal(9,2), "
        + "pt struct<x: double, y: double>, tag string");
    StructType pt6 = (StructType) wider.column("pt").type();
    try (AppendWriter w = t.newAppend().mergeSchema(true)) {
      w.write(Record.of(wider, 5L, null, "e", 50L, null, Record.of(pt6, 5.0, 5.5), "new"));
      w.commit();
    }
    if (!t.schema().columns().get(0).name().equals("id") || s6.columns().size() != 6) {
      throw new IllegalStateException("unexpected schema " + t.schema());
    }
  }

  private static void append(Table t, Record... records) {
    try (AppendWriter w = t.newAppend()) {
      for (Record r : records) {
        w.write(r);
      }
      w.commit();
    }
  }
}
