package io.tidemark.spec.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.Samples;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {
  @Test
  void builderAssignsTopLevelIdsFirstThenNestedDepthFirst() {
    Schema s = Schema.builder()
        .optional("a", Types.list(Types.struct(Types.optional("x", Types.LONG),
            Types.optional("y", Types.map(Types.STRING, Types.LONG)))))
        .required("b", Types.LONG)
        .build();

    assertThat(s.columns()).extracting(NestedField::id).containsExactly(1, 2);
    ListType a = (ListType) s.column("a").type();
    assertThat(a.elementId()).isEqualTo(3);
    StructType element = (StructType) a.elementType();
    assertThat(element.fields()).extracting(NestedField::id).containsExactly(4, 5);
    MapType y = (MapType) element.field("y").type();
    assertThat(y.keyId()).isEqualTo(6);
    assertThat(y.valueId()).isEqualTo(7);
    assertThat(s.highestFieldId()).isEqualTo(7);
  }

  @Test
  void builderReassignsIdsGivenInsideNestedTypes() {
    Schema s = Schema.builder()
        .optional("m", new MapType(50, Types.STRING, 60, Types.LONG, false))
        .build();

    MapType m = (MapType) s.column("m").type();
    assertThat(List.of(m.keyId(), m.valueId())).containsExactly(2, 3);
  }

  @Test
  void findFieldReachesNestedFieldsListElementsAndMapKeysAndValues() {
    Schema s = SchemaDdl.parse("id long not null, tags list<string not null>, attrs map<string, long>, "
        + "pt struct<x: double>");

    assertThat(s.findField(1).name()).isEqualTo("id");
    assertThat(s.findField(5)).satisfies(f -> {
      assertThat(f.name()).isEqualTo("element");
      assertThat(f.type()).isEqualTo(PrimitiveType.STRING);
      assertThat(f.required()).isTrue();
    });
    assertThat(s.findField(6)).satisfies(f -> {
      assertThat(f.name()).isEqualTo("key");
      assertThat(f.required()).isTrue();
    });
    assertThat(s.findField(7)).satisfies(f -> {
      assertThat(f.name()).isEqualTo("value");
      assertThat(f.required()).isFalse();
    });
    assertThat(s.findField(8).name()).isEqualTo("x");
    assertThat(s.findField(99)).isNull();
  }

  @Test
  void rejectsDuplicateTopLevelFieldIds() {
    assertThatThrownBy(() -> new Schema(List.of(
        NestedField.required(1, "a", Types.LONG),
        NestedField.optional(1, "b", Types.STRING))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field id 1 is used by both 'a' and 'b'");
  }

  @Test
  void rejectsAFieldIdReusedByANestedField() {
    assertThatThrownBy(() -> new Schema(List.of(
        NestedField.required(1, "a", Types.LONG),
        NestedField.optional(2, "s", new StructType(List.of(NestedField.optional(1, "inner", Types.INT)))))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field id 1 is used by both 'a' and 'inner'");
  }

  @Test
  void rejectsAMapValueIdEqualToItsKeyId() {
    assertThatThrownBy(() -> new Schema(List.of(
        NestedField.optional(1, "m", new MapType(2, Types.STRING, 2, Types.LONG, false)))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field id 2 is used by both 'key' and 'value'");
  }

  @Test
  void rejectsDuplicateTopLevelNames() {
    assertThatThrownBy(() -> new Schema(List.of(
        NestedField.required(1, "a", Types.LONG),
        NestedField.optional(2, "a", Types.STRING))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("duplicate field name 'a'");
  }

  @Test
  void rejectsDuplicateNamesInsideANestedStruct() {
    assertThatThrownBy(() -> Types.struct(Types.optional("x", Types.LONG), Types.optional("x", Types.INT)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("duplicate field name 'x'");
  }

  @Test
  void rejectsAMissingTopLevelId() {
    assertThatThrownBy(() -> new Schema(List.of(NestedField.optional(0, "a", Types.LONG))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field 'a' has no field id");
  }

  @Test
  void rejectsAMissingNestedIds() {
    assertThatThrownBy(() -> new Schema(List.of(NestedField.optional(1, "l", Types.list(Types.LONG)))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field 'element' has no field id");
    assertThatThrownBy(() -> new Schema(List.of(NestedField.optional(1, "s",
        Types.struct(Types.optional("inner", Types.LONG))))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field 'inner' has no field id");
  }

  @Test
  void nestedFieldRejectsNegativeIdAndBlankName() {
    assertThatThrownBy(() -> NestedField.optional(-1, "a", Types.LONG))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field id must be positive");
    assertThatThrownBy(() -> NestedField.optional(1, " ", Types.LONG))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field name must not be empty");
  }

  @Test
  void selectKeepsTheGivenOrderAndTheIds() {
    Schema s = Samples.everyTypeSchema();

    Schema selected = s.select(List.of("ts", "b", "tags"));

    assertThat(selected.columns()).extracting(NestedField::name).containsExactly("ts", "b", "tags");
    assertThat(selected.columns()).extracting(NestedField::id)
        .containsExactly(s.column("ts").id(), s.column("b").id(), s.column("tags").id());
    ListType tags = (ListType) selected.column("tags").type();
    assertThat(selected.findField(tags.elementId())).isNotNull();
    assertThat(selected.findField(s.column("l").id())).isNull();
  }

  @Test
  void selectRejectsAnUnknownColumnListingTheColumns() {
    Schema s = SchemaDdl.parse("a long, b string");

    assertThatThrownBy(() -> s.select(List.of("a", "c")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no column 'c'")
        .hasMessageContaining("[a, b]");
  }

  @Test
  void selectRejectsAColumnGivenTwice() {
    Schema s = SchemaDdl.parse("a long, b string");

    assertThatThrownBy(() -> s.select(List.of("b", "b")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("column 'b' selected twice");
  }

  @Test
  void findColumnReturnsNullWhileColumnThrows() {
    Schema s = SchemaDdl.parse("a long");

    assertThat(s.findColumn("zz")).isNull();
    assertThatThrownBy(() -> s.column("zz")).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void schemasWithTheSameFieldsAreEqual() {
    Schema a = SchemaDdl.parse("a long, b list<string>");
    Schema b = SchemaDdl.parse("a long, b list<string>");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(SchemaDdl.parse("a long not null, b list<string>"));
  }

  @Test
  void typesPrintAsTheSpecWritesThem() {
    assertThat(PrimitiveType.TIMESTAMP_NTZ.toString()).isEqualTo("timestamp_ntz");
    assertThat(new DecimalType(10, 2).toString()).isEqualTo("decimal(10,2)");
    assertThat(Types.listOfRequired(Types.LONG).toString()).isEqualTo("list<long not null>");
    assertThat(Types.map(Types.STRING, Types.INT).toString()).isEqualTo("map<string, int>");
    assertThat(Types.struct(Types.required("x", Types.DOUBLE)).toString()).isEqualTo("struct<x: double not null>");
    assertThat(Types.struct().isNested()).isTrue();
    assertThat(Types.LONG.isNested()).isFalse();
  }
}
