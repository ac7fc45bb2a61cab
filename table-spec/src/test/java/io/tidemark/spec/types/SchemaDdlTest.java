package io.tidemark.spec.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaDdlTest {
  private static final String EXAMPLE = "id long not null, name string, ts timestamp, amount double, "
      + "price decimal(10,2), tags list<string>, attrs map<string, long not null>, "
      + "pt struct<x: double, y: double not null>";

  @Test
  void parseAssignsTopLevelIdsOneToNFirstThenNestedIds() {
    Schema s = SchemaDdl.parse(EXAMPLE);

    assertThat(s.columns()).extracting(NestedField::name)
        .containsExactly("id", "name", "ts", "amount", "price", "tags", "attrs", "pt");
    assertThat(s.columns()).extracting(NestedField::id).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    ListType tags = (ListType) s.column("tags").type();
    assertThat(tags.elementId()).isEqualTo(9);
    MapType attrs = (MapType) s.column("attrs").type();
    assertThat(attrs.keyId()).isEqualTo(10);
    assertThat(attrs.valueId()).isEqualTo(11);
    StructType pt = (StructType) s.column("pt").type();
    assertThat(pt.fields()).extracting(NestedField::id).containsExactly(12, 13);
    assertThat(s.highestFieldId()).isEqualTo(13);
  }

  @Test
  void parseReadsTypesAndNullability() {
    Schema s = SchemaDdl.parse(EXAMPLE);

    assertThat(s.column("id").required()).isTrue();
    assertThat(s.column("id").type()).isEqualTo(PrimitiveType.LONG);
    assertThat(s.column("name").required()).isFalse();
    assertThat(s.column("name").type()).isEqualTo(PrimitiveType.STRING);
    assertThat(s.column("ts").type()).isEqualTo(PrimitiveType.TIMESTAMP);
    assertThat(s.column("amount").type()).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(s.column("price").type()).isEqualTo(new DecimalType(10, 2));
    ListType tags = (ListType) s.column("tags").type();
    assertThat(tags.elementType()).isEqualTo(PrimitiveType.STRING);
    assertThat(tags.elementRequired()).isFalse();
    MapType attrs = (MapType) s.column("attrs").type();
    assertThat(attrs.keyType()).isEqualTo(PrimitiveType.STRING);
    assertThat(attrs.valueType()).isEqualTo(PrimitiveType.LONG);
    assertThat(attrs.valueRequired()).isTrue();
    StructType pt = (StructType) s.column("pt").type();
    assertThat(pt.field("x").required()).isFalse();
    assertThat(pt.field("y").required()).isTrue();
    assertThat(pt.field("y").type()).isEqualTo(PrimitiveType.DOUBLE);
  }

  @Test
  void formatWritesTheCanonicalColumnList() {
    assertThat(SchemaDdl.format(SchemaDdl.parse(EXAMPLE))).isEqualTo(EXAMPLE);
  }

  @Test
  void formatThenParseGivesTheSameSchema() {
    Schema s = SchemaDdl.parse(EXAMPLE);

    assertThat(SchemaDdl.parse(SchemaDdl.format(s))).isEqualTo(s);
  }

  @Test
  void formatThenParseGivesTheSameSchemaForEveryTypeAndDeepNesting() {
    Schema s = SchemaDdl.parse("b boolean not null, i int, l long, f float, d double, dec decimal(38,38), "
        + "dt date, ts timestamp, ntz timestamp_ntz, s string, bin binary, "
        + "deep list<map<string, list<struct<a: int not null, b: map<long, binary>>> not null> not null>, "
        + "empty struct<>");

    assertThat(SchemaDdl.parse(SchemaDdl.format(s))).isEqualTo(s);
  }

  @Test
  void backQuotedNamesRoundTripThroughFormat() {
    Schema s = SchemaDdl.parse("`first name` string, `a``b` long, `1st` int, s struct<`x y`: int>");

    assertThat(s.columns()).extracting(NestedField::name).containsExactly("first name", "a`b", "1st", "s");
    assertThat(SchemaDdl.format(s)).isEqualTo("`first name` string, `a``b` long, `1st` int, s struct<`x y`: int>");
    assertThat(SchemaDdl.parse(SchemaDdl.format(s))).isEqualTo(s);
  }

  @Test
  void parseAcceptsUpperCaseAliasesColonsAndExtraSpace() {
    Schema s = SchemaDdl.parse("  a: INTEGER NOT NULL ,b BIGINT,c Decimal( 5 , 1 ) ,d LIST< STRING >  ");

    assertThat(s.column("a").type()).isEqualTo(PrimitiveType.INT);
    assertThat(s.column("a").required()).isTrue();
    assertThat(s.column("b").type()).isEqualTo(PrimitiveType.LONG);
    assertThat(s.column("c").type()).isEqualTo(new DecimalType(5, 1));
    assertThat(s.column("d").type()).isEqualTo(new ListType(4 + 1, PrimitiveType.STRING, false));
  }

  @Test
  void parseTypeReadsOneType() {
    assertThat(SchemaDdl.parseType("decimal(10,2)")).isEqualTo(new DecimalType(10, 2));
    assertThat(SchemaDdl.parseType(" timestamp_ntz ")).isEqualTo(PrimitiveType.TIMESTAMP_NTZ);
    assertThat(SchemaDdl.parseType("map<string, long not null>").toString())
        .isEqualTo("map<string, long not null>");
  }

  @Test
  void parseTypeRejectsTrailingTextWithItsPosition() {
    assertThatThrownBy(() -> SchemaDdl.parseType("long x"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("expected end of type at position 5");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "id long, | a column name at position 8",
      "id long name string | ',' or end of schema at position 8",
      "id decimal(10 2) | expected ',' at position 14",
      "id decimal(x,2) | expected a number at position 12",
      "tags list<string | expected '>' at position 16",
      "m map<string long> | expected ',' at position 13",
      "pt struct<x: double y: double> | expected ',' or '>' at position 20",
      "a long not nul | 'null' after 'not' at position 14",
      "`abc long | expected closing back-quote at position 9",
  })
  void parseErrorsAreInvalidArgumentsNamingThePosition(String ddl, String expected) {
    assertThatThrownBy(() -> SchemaDdl.parse(ddl))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("cannot parse schema '" + ddl + "'")
        .hasMessageContaining(expected.strip());
  }

  @Test
  void parseRejectsUnknownTypeNamingItAndThePosition() {
    assertThatThrownBy(() -> SchemaDdl.parse("id lnog"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown type 'lnog' at position 7")
        .hasMessageContaining("types are boolean, int, long");
  }

  @Test
  void parseRejectsAnEmptyColumnList() {
    assertThatThrownBy(() -> SchemaDdl.parse("   "))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no columns");
  }

  @Test
  void parseRejectsDuplicateColumnNames() {
    assertThatThrownBy(() -> SchemaDdl.parse("a long, a string"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("duplicate field name 'a'");
  }

  @Test
  void parseRejectsDecimalOutOfBounds() {
    assertThatThrownBy(() -> SchemaDdl.parse("a decimal(39,2)"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("precision");
    assertThatThrownBy(() -> SchemaDdl.parse("a decimal(5,6)"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("scale");
  }

  @Test
  void parseGivesTheSameIdsAsTheBuilder() {
    Schema built = Schema.builder()
        .required("id", Types.LONG)
        .optional("tags", Types.list(Types.STRING))
        .optional("pt", Types.struct(Types.optional("x", Types.DOUBLE)))
        .build();

    assertThat(SchemaDdl.parse("id long not null, tags list<string>, pt struct<x: double>")).isEqualTo(built);
    assertThat(List.of(built.findField(4).name(), built.findField(5).name())).containsExactly("element", "x");
  }

  @Test
  void parseOfTheSpecExampleAssignsTheIdsTheSpecStates() {
    Schema s = SchemaDdl.parse("id long not null, name string, price decimal(10,2), tags list<string>, "
        + "attrs map<string, long not null>, pt struct<x: double, y: double not null>");

    assertThat(s.columns()).extracting(NestedField::id).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(((ListType) s.column("tags").type()).elementId()).isEqualTo(7);
    assertThat(((MapType) s.column("attrs").type()).keyId()).isEqualTo(8);
    assertThat(((MapType) s.column("attrs").type()).valueId()).isEqualTo(9);
    assertThat(((StructType) s.column("pt").type()).fields()).extracting(NestedField::id).containsExactly(10, 11);
  }
}
