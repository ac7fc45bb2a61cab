package io.tidemark.spec.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.Samples;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSpecTest {
  /** Ids: id 1, name 2, ts 3, local_ts 4, day 5, price 6, payload 7, score 8, category 9, region 10,
   * tags 11, attrs 12, pt 13, odd name 14, tags element 15, attrs key 16 and value 17, pt.x 18,
   * pt.inner 19, pt.inner.code 20. */
  static final Schema SCHEMA = SchemaDdl.parse("id long not null, name string, ts timestamp, "
      + "local_ts timestamp_ntz, day date, price decimal(10,2), payload binary, score double, "
      + "category string, region string, tags list<string>, attrs map<string, long>, "
      + "pt struct<x: int, inner: struct<code: string>>, `odd name` int");

  private static PartitionSpec.Builder builder() {
    return PartitionSpec.builderFor(SCHEMA);
  }

  @Test
  void unpartitionedIsSpecZeroWithoutFields() {
    PartitionSpec spec = PartitionSpec.unpartitioned();

    assertThat(spec.specId()).isZero();
    assertThat(spec.fields()).isEmpty();
    assertThat(spec.isUnpartitioned()).isTrue();
    assertThat(spec.lastAssignedFieldId()).isEqualTo(999);
    assertThat(spec.partitionType(SCHEMA).fields()).isEmpty();
    assertThat(builder().build()).isEqualTo(spec);
  }

  @Test
  void specCopiesItsFields() {
    List<PartitionField> fields = new ArrayList<>();
    fields.add(new PartitionField(1, 1000, "id_bucket", Transforms.bucket(16)));
    PartitionSpec spec = new PartitionSpec(1, fields);
    fields.clear();

    assertThat(spec.fields()).hasSize(1);
    assertThat(spec.isUnpartitioned()).isFalse();
  }

  @Test
  void partitionFieldRequiresANameAndATransform() {
    assertThatThrownBy(() -> new PartitionField(1, 1000, " ", Transforms.identity()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field name must not be empty");
    assertThatThrownBy(() -> new PartitionField(1, 1000, "p", null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field 'p' has no transform");
  }

  @Test
  void specRejectsRepeatedNamesAndFieldIds() {
    assertThatThrownBy(() -> new PartitionSpec(3, List.of(new PartitionField(1, 1000, "p", Transforms.identity()),
        new PartitionField(2, 1001, "p", Transforms.identity()))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition spec 3 has two fields named 'p'");
    assertThatThrownBy(() -> new PartitionSpec(3, List.of(new PartitionField(1, 1000, "p", Transforms.identity()),
        new PartitionField(2, 1000, "q", Transforms.identity()))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("uses partition field id 1000 twice");
  }

  @Test
  void builderGivesDefaultNamesAndIdsFrom1000InOrder() {
    PartitionSpec spec = builder()
        .day("ts").bucket("id", 16).truncate("name", 4).identity("category").year("day").month("local_ts")
        .alwaysNull("region")
        .build();

    assertThat(spec.specId()).isZero();
    assertThat(spec.fields()).extracting(PartitionField::name)
        .containsExactly("ts_day", "id_bucket", "name_trunc", "category", "day_year", "local_ts_month", "region_null");
    assertThat(spec.fields()).extracting(PartitionField::fieldId)
        .containsExactly(1000, 1001, 1002, 1003, 1004, 1005, 1006);
    assertThat(spec.fields()).extracting(f -> f.transform().toString())
        .containsExactly("day", "bucket[16]", "truncate[4]", "identity", "year", "month", "void");
    assertThat(spec.fields()).extracting(PartitionField::sourceId).containsExactly(3, 1, 2, 9, 5, 4, 10);
    assertThat(spec.lastAssignedFieldId()).isEqualTo(1006);
    assertThat(builder().hour("ts").build().fields().get(0).name()).isEqualTo("ts_hour");
  }

  @Test
  void builderTakesCustomNamesAndASpecId() {
    PartitionSpec spec = builder().specId(4)
        .day("ts", "event_day").hour("local_ts", "local_hour").bucket("id", 8, "b").truncate("name", 2, "n2")
        .identity("category", "cat").year("day", "y").alwaysNull("region", "gone")
        .build();

    assertThat(spec.specId()).isEqualTo(4);
    assertThat(spec.fields()).extracting(PartitionField::name)
        .containsExactly("event_day", "local_hour", "b", "n2", "cat", "y", "gone");
    assertThat(builder().month("ts", "m").build().fields().get(0).name()).isEqualTo("m");
    assertThat(builder().add("ts", Transforms.day(), "d").build())
        .isEqualTo(builder().day("ts", "d").build());
  }

  @Test
  void builderAssignsIdsAfterTheTablesLastAssignedId() {
    PartitionSpec spec = builder().lastAssignedFieldId(1005).day("ts").bucket("id", 4).build();

    assertThat(spec.fields()).extracting(PartitionField::fieldId).containsExactly(1006, 1007);
    assertThat(spec.lastAssignedFieldId()).isEqualTo(1007);
  }

  @Test
  void builderKeepsTheIdOfAFieldCarriedOverFromAnEarlierSpec() {
    PartitionField kept = new PartitionField(3, 1001, "ts_day", Transforms.day());

    PartitionSpec spec = builder().specId(1).lastAssignedFieldId(1001).add(kept).bucket("id", 4).build();
    PartitionSpec later = builder().lastAssignedFieldId(1001)
        .add(new PartitionField(3, 1010, "ts_day", Transforms.day())).bucket("id", 4).build();

    assertThat(spec.fields()).extracting(PartitionField::fieldId).containsExactly(1001, 1002);
    assertThat(spec.fields().get(0)).isEqualTo(kept);
    assertThat(later.fields()).extracting(PartitionField::fieldId).containsExactly(1010, 1011);
    assertThatThrownBy(() -> builder().add(new PartitionField(99, 1000, "gone", Transforms.identity())))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field 'gone' (identity) has source field id 99, which is not in the schema");
  }

  @Test
  void builderResolvesStructMembersByDottedName() {
    PartitionSpec spec = builder().identity("pt.x").bucket("pt.inner.code", 4).identity("odd name").build();

    assertThat(spec.fields()).extracting(PartitionField::sourceId).containsExactly(18, 20, 14);
    assertThat(spec.fields()).extracting(PartitionField::name).containsExactly("pt.x", "pt.inner.code_bucket", "odd name");
  }

  @Test
  void builderRejectsAnUnknownColumnAndMembersOfListsAndMaps() {
    assertThatThrownBy(() -> builder().day("nope"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("cannot partition by column 'nope': no such column in the schema")
        .hasMessageContaining("columns are [id, name, ts");
    assertThatThrownBy(() -> builder().identity("tags.element"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("column 'tags.element': no such column");
    assertThatThrownBy(() -> builder().identity("pt.y"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("column 'pt.y': no such column");
    assertThatThrownBy(() -> builder().identity(""))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("must not be empty");
  }

  @Test
  void builderRejectsATransformThatDoesNotApplyNamingColumnTypeAndTransform() {
    assertThatThrownBy(() -> builder().day("name"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("cannot partition by day of column 'name': it has type string, and day applies to date, "
            + "timestamp, timestamp_ntz");
    assertThatThrownBy(() -> builder().bucket("score", 4))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("bucket[4] of column 'score': it has type double, and bucket applies to int, long, "
            + "decimal, date, timestamp, timestamp_ntz, string, binary");
    assertThatThrownBy(() -> builder().hour("day"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("hour of column 'day': it has type date");
    assertThatThrownBy(() -> builder().truncate("ts", 3))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("truncate[3] of column 'ts': it has type timestamp");
    assertThatThrownBy(() -> builder().identity("tags"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("identity of column 'tags': it has type list<string>");
    assertThatThrownBy(() -> builder().identity("pt"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("identity of column 'pt': it has type struct<");
  }

  @Test
  void builderRejectsBadParameters() {
    assertThatThrownBy(() -> builder().bucket("id", 0)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("bucket count must be positive");
    assertThatThrownBy(() -> builder().truncate("name", 0)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("truncate width must be positive");
    assertThatThrownBy(() -> builder().specId(-1)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition spec id must not be negative");
    assertThatThrownBy(() -> builder().lastAssignedFieldId(998)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("must be at least 999, was 998");
  }

  @Test
  void builderRejectsADuplicateName() {
    assertThatThrownBy(() -> builder().bucket("id", 16, "p").identity("category", "p"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("partition field name 'p' is used twice: for bucket[16] of column 'id' and identity of column "
            + "'category'");
    assertThatThrownBy(() -> builder().day("ts").day("local_ts", "ts_day"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field name 'ts_day' is used twice");
    assertThatThrownBy(() -> builder().day("ts", " "))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field name must not be empty (day of column 'ts')");
  }

  @Test
  void builderRejectsTheSameTransformTwiceOnAColumn() {
    assertThatThrownBy(() -> builder().bucket("id", 16).bucket("id", 16, "other"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("column 'id' is partitioned by bucket[16] twice ('id_bucket' and 'other')");
    assertThatThrownBy(() -> builder().identity("category").identity("category", "again"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("column 'category' is partitioned by identity twice");
  }

  @Test
  void builderAllowsDifferentTransformsOfOneColumn() {
    PartitionSpec spec = builder().bucket("id", 16).bucket("id", 8, "id_bucket8").truncate("id", 1000)
        .identity("id").build();

    assertThat(spec.fields()).hasSize(4);
  }

  @Test
  void builderRejectsTwoTimeTransformsOfOneColumnAsRedundant() {
    assertThatThrownBy(() -> builder().day("ts").hour("ts"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("column 'ts' is partitioned by both day ('ts_day') and hour ('ts_hour'); one time transform "
            + "per column is enough");
    assertThatThrownBy(() -> builder().year("day").month("day"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("column 'day' is partitioned by both year");
    assertThat(builder().day("ts").day("local_ts").build().fields()).hasSize(2);
  }

  @Test
  void builderRejectsANameThatIsAnotherSchemaColumn() {
    assertThatThrownBy(() -> builder().day("ts", "name"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("partition field name 'name' (day of column 'ts') is the name of a schema column; choose "
            + "another name");
    assertThatThrownBy(() -> builder().day("ts", "ts"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field name 'ts' (day of column 'ts') is the name of a schema column");
    assertThatThrownBy(() -> builder().identity("category", "region"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'region' (identity of column 'category') is the name of a schema column");
    assertThatThrownBy(() -> builder().bucket("id", 2, "pt.x"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'pt.x' (bucket[2] of column 'id') is the name of a schema column");
    assertThat(builder().identity("category", "category").build().fields().get(0).name()).isEqualTo("category");
  }

  @Test
  void partitionTypeHoldsOneOptionalFieldPerPartitionFieldOfTheResultType() {
    PartitionSpec spec = builder().day("ts").bucket("id", 16).truncate("price", 100).identity("category")
        .hour("local_ts").month("day").alwaysNull("payload").build();

    StructType type = spec.partitionType(SCHEMA);

    assertThat(type).isEqualTo(new StructType(List.of(
        NestedField.optional(1000, "ts_day", Types.DATE),
        NestedField.optional(1001, "id_bucket", Types.INT),
        NestedField.optional(1002, "price_trunc", Types.decimal(10, 2)),
        NestedField.optional(1003, "category", Types.STRING),
        NestedField.optional(1004, "local_ts_hour", Types.INT),
        NestedField.optional(1005, "day_month", Types.INT),
        NestedField.optional(1006, "payload_null", Types.BINARY))));
  }

  @Test
  void partitionTypeAndCompatibilityCheckNameAFieldWhoseSourceIsGone() {
    PartitionSpec spec = builder().day("ts").bucket("id", 16).build();
    Schema withoutTs = SCHEMA.select(List.of("id", "name"));
    Schema tsAsString = SchemaDdl.parse("id long not null, name string, ts string");

    assertThatThrownBy(() -> spec.partitionType(withoutTs))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field 'ts_day' (day) has source field id 3, which is not in the schema");
    assertThatThrownBy(() -> spec.checkCompatible(tsAsString))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field 'ts_day': transform day cannot be applied to column 'ts' of type "
            + "string");
    spec.checkCompatible(SCHEMA);
  }

  @Test
  void fieldLooksUpByName() {
    PartitionSpec spec = builder().day("ts").bucket("id", 16).build();

    assertThat(spec.field("id_bucket").transform()).isEqualTo(Transforms.bucket(16));
    assertThat(spec.field("nope")).isNull();
  }

  @Test
  void theSampleMetadataSpecFitsItsSchema() {
    var metadata = Samples.metadata();
    PartitionSpec spec = metadata.spec(1);

    assertThat(spec.partitionType(metadata.schema()).fields()).extracting(NestedField::type)
        .containsExactly(Types.DATE, Types.INT);
  }
}
