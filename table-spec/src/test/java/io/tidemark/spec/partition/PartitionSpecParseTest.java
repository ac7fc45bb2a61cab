package io.tidemark.spec.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command-line form of a spec: {@code day(ts), bucket(16, id)}. */
class PartitionSpecParseTest {
  private static final Schema SCHEMA = PartitionSpecTest.SCHEMA;

  private static PartitionSpec parse(String text) {
    return PartitionSpec.parse(SCHEMA, text);
  }

  @Test
  void parsesEveryFunctionAndABareColumnAsIdentity() {
    PartitionSpec spec = parse("day(ts), bucket(16, id), truncate(4, name), identity(category), region");

    assertThat(spec).isEqualTo(PartitionSpec.builderFor(SCHEMA)
        .day("ts").bucket("id", 16).truncate("name", 4).identity("category").identity("region").build());
    assertThat(spec.fields()).extracting(PartitionField::fieldId).containsExactly(1000, 1001, 1002, 1003, 1004);
    assertThat(parse("year(day), month(ts), hour(local_ts), void(price)")).isEqualTo(PartitionSpec.builderFor(SCHEMA)
        .year("day").month("ts").hour("local_ts").alwaysNull("price").build());
  }

  @Test
  void functionNamesAreCaseInsensitiveAcceptPluralsAndSpacesAreFree() {
    assertThat(parse("  DAYS( ts ) ,BUCKET( 16 ,id )\t, Truncate(3,name),Hours(local_ts), Years (day)  "))
        .isEqualTo(PartitionSpec.builderFor(SCHEMA).day("ts").bucket("id", 16).truncate("name", 3)
            .hour("local_ts").year("day").build());
  }

  @Test
  void asGivesAName() {
    PartitionSpec spec = parse("hour(ts) as event_hour, region AS r, bucket(4, id) as `weird name`, "
        + "identity(category) as`c`");

    assertThat(spec.fields()).extracting(PartitionField::name)
        .containsExactly("event_hour", "r", "weird name", "c");
  }

  @Test
  void columnsMayBeStructMembersAndBackQuoted() {
    PartitionSpec spec = parse("identity(pt.x), bucket(4, pt.inner.code), `odd name`, truncate(2, `pt`.`inner`.code)"
        + " as code2");

    assertThat(spec.fields()).extracting(PartitionField::sourceId).containsExactly(18, 20, 14, 20);
    assertThat(spec.fields()).extracting(PartitionField::name)
        .containsExactly("pt.x", "pt.inner.code_bucket", "odd name", "code2");
  }

  @Test
  void anEmptyTextIsTheUnpartitionedSpec() {
    assertThat(parse("")).isEqualTo(PartitionSpec.unpartitioned());
    assertThat(parse("   ")).isEqualTo(PartitionSpec.unpartitioned());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "bucket(id, 16)|expected the number of buckets (bucket takes (N, column)), a positive 32-bit integer at "
          + "position 7, found 'i'",
      "bucket(0, id)|expected the number of buckets (bucket takes (N, column)), a positive 32-bit integer at "
          + "position 7, found '0'",
      "truncate(99999999999, name)|expected the width (truncate takes (W, column)), a positive 32-bit integer at "
          + "position 9",
      "foo(x)|expected a partition function (identity, bucket, truncate, year, month, day, hour, void) at "
          + "position 0, found 'f'",
      "day(ts|expected ')' at position 6, found the end",
      "day(ts),|expected a partition function or a column at position 8, found the end",
      "day(ts) day(local_ts)|expected ',', 'as' or the end at position 8, found 'd'",
      "day(`ts)|expected a closing '`' for the name that starts here at position 4",
      "day(ts) as|expected a partition field name after 'as' at position 10, found the end",
      "day(pt.)|expected a struct member name after '.' at position 7, found ')'",
      "day(ts) ; x|expected ',' or the end at position 8, found ';'",
      "bucket(16 id)|expected ',' at position 10, found 'i'",
      "(ts)|expected a partition function or a column at position 0, found '('",
  })
  void syntaxErrorsGiveThePositionAndWhatWasExpected(String text, String message) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("cannot parse partition spec '" + text + "': " + message);
  }

  @Test
  void builderErrorsComeThroughUnchanged() {
    assertThatThrownBy(() -> parse("day(nope)"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("cannot partition by column 'nope'");
    assertThatThrownBy(() -> parse("day(name)"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("cannot partition by day of column 'name': it has type string");
    assertThatThrownBy(() -> parse("identity(category), category"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field name 'category' is used twice");
  }

  @Test
  void formatWritesTheCommandLineForm() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).day("ts").bucket("id", 16).truncate("name", 4)
        .identity("category").alwaysNull("region").hour("local_ts", "event_hour").identity("odd name")
        .identity("pt.inner.code", "c`ode").build();

    assertThat(spec.format(SCHEMA)).isEqualTo("day(ts), bucket(16, id), truncate(4, name), identity(category), "
        + "void(region), hour(local_ts) as event_hour, identity(`odd name`), identity(pt.inner.code) as `c``ode`");
    assertThat(PartitionSpec.unpartitioned().format(SCHEMA)).isEmpty();
  }

  @Test
  void parsingTheFormattedFormGivesTheSameSpec() {
    for (PartitionSpec spec : List.of(
        PartitionSpec.unpartitioned(),
        PartitionSpec.builderFor(SCHEMA).day("ts").bucket("id", 16).truncate("name", 4).identity("category")
            .alwaysNull("region").build(),
        PartitionSpec.builderFor(SCHEMA).hour("local_ts", "event hour").month("ts", "m").year("day", "`y`")
            .truncate("price", 100).bucket("payload", 3).build(),
        PartitionSpec.builderFor(SCHEMA).identity("pt.x").bucket("pt.inner.code", 7, "code.bucket")
            .identity("odd name").truncate("odd name", 5).build())) {
      String text = spec.format(SCHEMA);

      assertThat(PartitionSpec.parse(SCHEMA, text)).as(text).isEqualTo(spec);
    }
  }
}
