package io.tidemark.core.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.junit.jupiter.api.Test;

class ParquetSchemasTest {
  @Test
  void messageIsNamedTableAndKeepsColumnOrderAndRepetition() {
    MessageType m = ParquetSchemas.convert(SchemaDdl.parse("a long not null, b string"));
    assertThat(m.getName()).isEqualTo("table");
    assertThat(m.getFieldName(0)).isEqualTo("a");
    assertThat(m.getType(0).getRepetition()).isEqualTo(Repetition.REQUIRED);
    assertThat(m.getType(1).getRepetition()).isEqualTo(Repetition.OPTIONAL);
  }

  @Test
  void primitivesMapToTheSpecifiedPhysicalAndLogicalTypes() {
    MessageType m = ParquetSchemas.convert(SchemaDdl.parse(
        "b boolean, i int, l long, f float, d double, dt date, ts timestamp, ntz timestamp_ntz,"
            + " s string, bin binary"));
    assertPrimitive(m, "b", PrimitiveTypeName.BOOLEAN, null);
    assertPrimitive(m, "i", PrimitiveTypeName.INT32, null);
    assertPrimitive(m, "l", PrimitiveTypeName.INT64, null);
    assertPrimitive(m, "f", PrimitiveTypeName.FLOAT, null);
    assertPrimitive(m, "d", PrimitiveTypeName.DOUBLE, null);
    assertPrimitive(m, "dt", PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType());
    assertPrimitive(m, "ts", PrimitiveTypeName.INT64,
        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
    assertPrimitive(m, "ntz", PrimitiveTypeName.INT64,
        LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS));
    assertPrimitive(m, "s", PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType());
    assertPrimitive(m, "bin", PrimitiveTypeName.BINARY, null);
  }

  @Test
  void decimalsUseInt32Int64OrTheSmallestFixedLengthArray() {
    MessageType m = ParquetSchemas.convert(SchemaDdl.parse(
        "a decimal(9,2), b decimal(10,0), c decimal(18,18), d decimal(19,4), e decimal(38,10)"));
    assertPrimitive(m, "a", PrimitiveTypeName.INT32, LogicalTypeAnnotation.decimalType(2, 9));
    assertPrimitive(m, "b", PrimitiveTypeName.INT64, LogicalTypeAnnotation.decimalType(0, 10));
    assertPrimitive(m, "c", PrimitiveTypeName.INT64, LogicalTypeAnnotation.decimalType(18, 18));
    assertPrimitive(m, "d", PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, LogicalTypeAnnotation.decimalType(4, 19));
    assertThat(m.getType("d").asPrimitiveType().getTypeLength()).isEqualTo(9);
    assertThat(m.getType("e").asPrimitiveType().getTypeLength()).isEqualTo(16);
  }

  @Test
  void decimalByteLengthIsTheMinimumHoldingEverySignedUnscaledValue() {
    // Known values (as in the Parquet and Iceberg specs).
    assertThat(ParquetSchemas.decimalBytes(1)).isEqualTo(1);
    assertThat(ParquetSchemas.decimalBytes(2)).isEqualTo(1);
    assertThat(ParquetSchemas.decimalBytes(3)).isEqualTo(2);
    assertThat(ParquetSchemas.decimalBytes(9)).isEqualTo(4);
    assertThat(ParquetSchemas.decimalBytes(18)).isEqualTo(8);
    assertThat(ParquetSchemas.decimalBytes(19)).isEqualTo(9);
    assertThat(ParquetSchemas.decimalBytes(38)).isEqualTo(16);
    for (int p = 1; p <= 38; p++) {
      int n = ParquetSchemas.decimalBytes(p);
      java.math.BigInteger largest = java.math.BigInteger.TEN.pow(p).subtract(java.math.BigInteger.ONE);
      assertThat(largest.bitLength() + 1).as("precision %d", p).isLessThanOrEqualTo(8 * n);
      assertThat(largest.bitLength() + 1).as("precision %d", p).isGreaterThan(8 * (n - 1));
    }
  }

  @Test
  void listsAndMapsUseTheThreeLevelLayout() {
    MessageType m = ParquetSchemas.convert(SchemaDdl.parse(
        "tags list<string not null> not null, attrs map<string, long>"));
    GroupType tags = m.getType("tags").asGroupType();
    assertThat(tags.getRepetition()).isEqualTo(Repetition.REQUIRED);
    assertThat(tags.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.listType());
    GroupType list = tags.getType(0).asGroupType();
    assertThat(list.getName()).isEqualTo("list");
    assertThat(list.getRepetition()).isEqualTo(Repetition.REPEATED);
    assertThat(list.getFieldCount()).isEqualTo(1);
    assertThat(list.getType(0).getName()).isEqualTo("element");
    assertThat(list.getType(0).getRepetition()).isEqualTo(Repetition.REQUIRED);

    GroupType attrs = m.getType("attrs").asGroupType();
    assertThat(attrs.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.mapType());
    GroupType kv = attrs.getType(0).asGroupType();
    assertThat(kv.getName()).isEqualTo("key_value");
    assertThat(kv.getRepetition()).isEqualTo(Repetition.REPEATED);
    assertThat(kv.getType(0).getName()).isEqualTo("key");
    assertThat(kv.getType(0).getRepetition()).isEqualTo(Repetition.REQUIRED);
    assertThat(kv.getType(1).getName()).isEqualTo("value");
    assertThat(kv.getType(1).getRepetition()).isEqualTo(Repetition.OPTIONAL);
  }

  @Test
  void everyFieldCarriesItsTidemarkFieldId() {
    Schema schema = TestData.ALL_TYPES;
    MessageType m = ParquetSchemas.convert(schema);
    List<Integer> ids = new ArrayList<>();
    collectIds(m, ids);
    assertThat(ids).doesNotContainNull();
    List<Integer> expected = new ArrayList<>();
    for (int id = 1; id <= schema.highestFieldId(); id++) {
      if (schema.findField(id) != null) {
        expected.add(id);
      }
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    // the ids sit on the right fields
    assertThat(m.getType("tags").getId().intValue()).isEqualTo(schema.column("tags").id());
    GroupType kv = m.getType("attrs").asGroupType().getType(0).asGroupType();
    assertThat(kv.getType("key").getId().intValue()).isEqualTo(TestData.mapType(schema, "attrs").keyId());
    assertThat(kv.getType("value").getId().intValue()).isEqualTo(TestData.mapType(schema, "attrs").valueId());
  }

  /** Ids of every field except the synthetic repeated groups of lists and maps. */
  static void collectIds(GroupType group, List<Integer> ids) {
    for (Type t : group.getFields()) {
      boolean synthetic = t.isRepetition(Repetition.REPEATED);
      if (!synthetic) {
        ids.add(t.getId() == null ? null : t.getId().intValue());
      }
      if (!t.isPrimitive()) {
        collectIds(t.asGroupType(), ids);
      }
    }
  }

  private static void assertPrimitive(MessageType m, String name, PrimitiveTypeName physical,
      LogicalTypeAnnotation logical) {
    PrimitiveType p = m.getType(name).asPrimitiveType();
    assertThat(p.getPrimitiveTypeName()).as(name).isEqualTo(physical);
    assertThat(p.getLogicalTypeAnnotation()).as(name).isEqualTo(logical);
    assertThat(p.getId()).as(name).isNotNull();
  }
}
