package io.tidemark.spec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.Samples;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {
  private static final String EXAMPLE_JSON = "{\"type\":\"struct\",\"fields\":["
      + "{\"id\":1,\"name\":\"id\",\"required\":true,\"type\":\"long\"},"
      + "{\"id\":2,\"name\":\"price\",\"required\":false,\"type\":\"decimal(10,2)\",\"doc\":\"unit price\"},"
      + "{\"id\":3,\"name\":\"tags\",\"required\":false,\"type\":{\"type\":\"list\",\"elementId\":6,"
      + "\"elementRequired\":false,\"element\":\"string\"}},"
      + "{\"id\":4,\"name\":\"attrs\",\"required\":false,\"type\":{\"type\":\"map\",\"keyId\":7,\"key\":\"string\","
      + "\"valueId\":8,\"valueRequired\":true,\"value\":\"long\"}},"
      + "{\"id\":5,\"name\":\"pt\",\"required\":false,\"type\":{\"type\":\"struct\",\"fields\":["
      + "{\"id\":9,\"name\":\"x\",\"required\":false,\"type\":\"double\"},"
      + "{\"id\":10,\"name\":\"y\",\"required\":true,\"type\":\"double\"}]}}]}";

  @Test
  void roundTripKeepsEveryTypeNestingIdAndDoc() {
    Schema schema = Samples.everyTypeSchema();

    Schema back = SchemaJson.fromJson(SchemaJson.toJson(schema));

    assertThat(back).isEqualTo(schema);
    assertThat(back.highestFieldId()).isEqualTo(schema.highestFieldId());
    assertThat(back.column("noted").doc()).isEqualTo("a column with a doc string");
  }

  @Test
  void toJsonWritesTheDocumentedShape() {
    Schema schema = new Schema(List.of(
        NestedField.required(1, "id", PrimitiveType.LONG),
        new NestedField(2, "price", new DecimalType(10, 2), false, "unit price"),
        NestedField.optional(3, "tags", new ListType(6, PrimitiveType.STRING, false)),
        NestedField.optional(4, "attrs", new MapType(7, PrimitiveType.STRING, 8, PrimitiveType.LONG, true)),
        NestedField.optional(5, "pt", new StructType(List.of(
            NestedField.optional(9, "x", PrimitiveType.DOUBLE),
            NestedField.required(10, "y", PrimitiveType.DOUBLE))))));

    assertThat(SchemaJson.toJson(schema)).isEqualTo(EXAMPLE_JSON);
    assertThat(SchemaJson.fromJson(EXAMPLE_JSON)).isEqualTo(schema);
  }

  @Test
  void fromJsonKeepsIdsThatAreNotInBuilderOrder() {
    Schema s = SchemaJson.fromJson(EXAMPLE_JSON.replace("\"id\":1,", "\"id\":42,"));

    assertThat(s.column("id").id()).isEqualTo(42);
    assertThat(s.findField(42).name()).isEqualTo("id");
    assertThat(s.highestFieldId()).isEqualTo(42);
  }

  @Test
  void roundTripOfDdlSchemaWithNestedTypes() {
    Schema s = SchemaDdl.parse("a list<map<string, struct<b: list<long not null>>>>, c map<int, list<string>> not null");

    assertThat(SchemaJson.fromJson(SchemaJson.toJson(s))).isEqualTo(s);
  }

  @Test
  void fromJsonAcceptsDecimalWithSpaceAfterComma() {
    Schema s = SchemaJson.fromJson(
        "{\"type\":\"struct\",\"fields\":[{\"id\":1,\"name\":\"d\",\"required\":true,\"type\":\"decimal(7, 3)\"}]}");

    assertThat(s.column("d").type()).isEqualTo(new DecimalType(7, 3));
  }

  @Test
  void fromJsonRejectsUnknownPrimitiveType() {
    assertThatThrownBy(() -> SchemaJson.fromJson(EXAMPLE_JSON.replace("\"double\"", "\"real\"")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown type 'real'");
  }

  @Test
  void fromJsonRejectsUnknownNestedKind() {
    assertThatThrownBy(() -> SchemaJson.fromJson(EXAMPLE_JSON.replace("\"type\":\"list\"", "\"type\":\"set\"")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown nested type 'set'");
  }

  @Test
  void fromJsonRejectsAFieldWithoutId() {
    assertThatThrownBy(() -> SchemaJson.fromJson(EXAMPLE_JSON.replace("\"id\":1,", "")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("missing required field 'id'");
  }

  @Test
  void fromJsonRejectsDuplicateFieldIdsAcrossNesting() {
    assertThatThrownBy(() -> SchemaJson.fromJson(EXAMPLE_JSON.replace("\"elementId\":6", "\"elementId\":2")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field id 2 is used by both 'price' and 'element'");
  }

  @Test
  void fromJsonRejectsMalformedJson() {
    assertThatThrownBy(() -> SchemaJson.fromJson("{\"type\":\"struct\",\"fields\":["))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void fromJsonRejectsATopLevelThatIsNotAStruct() {
    assertThatThrownBy(() -> SchemaJson.fromJson("{\"type\":\"list\",\"fields\":[]}"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("must have type 'struct'");
    assertThatThrownBy(() -> SchemaJson.fromJson("[]"))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void fromJsonRejectsDecimalOutOfBounds() {
    assertThatThrownBy(() -> SchemaJson.fromJson(EXAMPLE_JSON.replace("decimal(10,2)", "decimal(40,2)")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("precision");
  }

  /**
   * Regression: SchemaJson.fromJson promises InvalidArgumentException for an
   * invalid schema, but a decimal precision too large for an int escapes as NumberFormatException.
   */
  @Test
  void fromJsonRejectsAHugeDecimalPrecisionAsInvalidArgument() {
    assertThatThrownBy(() -> SchemaJson.fromJson(EXAMPLE_JSON.replace("decimal(10,2)", "decimal(99999999999,2)")))
        .isInstanceOf(InvalidArgumentException.class);
  }
}
