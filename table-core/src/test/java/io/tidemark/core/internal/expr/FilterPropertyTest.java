package io.tidemark.core.internal.expr;

import static io.tidemark.core.internal.expr.RandomData.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transforms;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random rows and random filters (fixed seeds): whatever row matches a filter, the bounds of any
 * set of rows holding it might match, and the projection of the filter matches its partition
 * values (and the bounds of the partition values of the set), for every transform.
 */
class FilterPropertyTest {
  private static final int CASES_PER_SEED = 300;

  static final List<PartitionSpec> SPECS = List.of(
      PartitionSpec.builderFor(SCHEMA)
          .identity("i").bucket("l", 8).truncate("s", 3).day("ts").month("day").year("ntz").truncate("dec", 50)
          .identity("flag").bucket("bin", 5).identity("d").identity("f").build(),
      PartitionSpec.builderFor(SCHEMA)
          .truncate("i", 10).hour("ts").bucket("s", 4).truncate("bin", 2).alwaysNull("l").month("ntz")
          .identity("point.label").day("day").bucket("dec", 5).bucket("ts", 3).identity("point.x")
          .truncate("l", 7).bucket("odd.name", 2).bucket("id", 4).build(),
      PartitionSpec.builderFor(SCHEMA)
          .identity("s").identity("bin").identity("ts").identity("ntz").identity("day").identity("dec")
          .truncate("s", 1, "s_1").truncate("s", 20, "s_20").bucket("i", 3).truncate("point.label", 2, "label_2")
          .year("day").bucket("ntz", 7).bucket("day", 2).build(),
      PartitionSpec.builderFor(SCHEMA).month("ts").year("ntz").truncate("bin", 17).truncate("dec", 1).build(),
      PartitionSpec.builderFor(SCHEMA).year("ts").hour("ntz").build());

  private int rowMatches;
  private int boundsPruned;
  private int partitionsPruned;
  private int partitionBoundsPruned;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 20240102})
  void boundsAndProjectionsNeverRuleOutAMatchingRow(long seed) {
    RandomData data = new RandomData(seed);
    List<StructType> partitionTypes = SPECS.stream().map(s -> s.partitionType(SCHEMA)).toList();
    for (int c = 0; c < CASES_PER_SEED; c++) {
      Expression filter = data.expression(3);
      Expression bound = Binder.bind(SCHEMA, filter);
      String what = "seed " + seed + " case " + c + ": " + filter + " bound as " + bound;

      // the printed filter reads back to the same bound filter
      assertThat(Binder.bind(SCHEMA, Expressions.parse(filter.toString()))).as(what).isEqualTo(bound);
      assertThat(Binder.bind(SCHEMA, Expressions.parse(bound.toString()))).as(what).isEqualTo(bound);

      int n = 1 + data.random().nextInt(8);
      List<Record> rows = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        rows.add(data.row(r));
      }
      RowEvaluator evaluator = new RowEvaluator(bound);
      RowEvaluator negated = new RowEvaluator(Binder.bind(SCHEMA, Expressions.not(filter)));
      boolean any = false;
      for (Record row : rows) {
        boolean matches = evaluator.matches(row);
        assertThat(matches && negated.matches(row)).as(what + " and its negation both match " + row).isFalse();
        if (matches) {
          any = true;
          rowMatches++;
          // (a) the bounds of the row alone, and of the set, might match
          assertThat(new BoundsEvaluator(bound).mightMatch(TestBounds.compute(SCHEMA.asStruct(), List.of(row))))
              .as(what + " bounds of " + row).isTrue();
        }
      }
      boolean might = new BoundsEvaluator(bound).mightMatch(TestBounds.compute(SCHEMA.asStruct(), rows));
      if (any) {
        assertThat(might).as(what + " bounds of " + rows).isTrue();
      } else if (!might) {
        boundsPruned++;
      }

      // (b) the projection matches the partition values of every matching row
      for (int s = 0; s < SPECS.size(); s++) {
        PartitionSpec spec = SPECS.get(s);
        Expression projected = Projections.project(bound, spec, SCHEMA);
        RowEvaluator partitions = new RowEvaluator(projected);
        List<Record> partitionValues = new ArrayList<>();
        boolean anyPartition = false;
        for (Record row : rows) {
          Record partition = partition(spec, partitionTypes.get(s), row);
          partitionValues.add(partition);
          boolean matches = evaluator.matches(row);
          boolean partitionMatches = partitions.matches(partition);
          if (matches) {
            assertThat(partitionMatches).as(what + " projected on " + spec + " as " + projected + " for " + row
                + " in partition " + partition).isTrue();
          }
          anyPartition |= partitionMatches;
          if (!partitionMatches) {
            partitionsPruned++;
          }
        }
        boolean partitionsMight = new BoundsEvaluator(projected)
            .mightMatch(TestBounds.compute(partitionTypes.get(s), partitionValues));
        if (anyPartition) {
          assertThat(partitionsMight).as(what + " projected as " + projected + " on bounds of " + partitionValues)
              .isTrue();
        } else if (!partitionsMight) {
          partitionBoundsPruned++;
        }
      }
    }
    // the properties were not checked vacuously
    assertThat(rowMatches).isGreaterThan(CASES_PER_SEED / 3);
    assertThat(boundsPruned).isGreaterThan(CASES_PER_SEED / 20);
    assertThat(partitionsPruned).isGreaterThan(CASES_PER_SEED);
    assertThat(partitionBoundsPruned).isGreaterThan(CASES_PER_SEED / 10);
  }

  @Test
  void theSpecsCoverEveryTransform() {
    assertThat(SPECS.stream().flatMap(s -> s.fields().stream()).map(f -> f.transform().name()).distinct())
        .containsExactlyInAnyOrder("identity", "bucket", "truncate", "year", "month", "day", "hour", "void");
    assertThat(Transforms.parse("void").name()).isEqualTo("void");
  }

  /** The partition values of a row, as a writer derives them. */
  static Record partition(PartitionSpec spec, StructType type, Record row) {
    Object[] values = new Object[spec.fields().size()];
    for (int i = 0; i < values.length; i++) {
      PartitionField f = spec.fields().get(i);
      NestedField source = SCHEMA.findField(f.sourceId());
      values[i] = f.transform().apply(source.type(), valueById(SCHEMA.asStruct(), row, f.sourceId()));
    }
    return Record.of(type, values);
  }

  static Object valueById(StructType struct, Record row, int id) {
    int[] path = pathTo(struct, id, new int[0]);
    return path == null ? null : TestBounds.value(row, path);
  }

  private static int[] pathTo(StructType struct, int id, int[] prefix) {
    for (int i = 0; i < struct.fields().size(); i++) {
      NestedField f = struct.fields().get(i);
      int[] path = Arrays.copyOf(prefix, prefix.length + 1);
      path[prefix.length] = i;
      if (f.id() == id) {
        return path;
      }
      if (f.type() instanceof StructType s) {
        int[] found = pathTo(s, id, path);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
