package io.tidemark.spec.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.Samples;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.json.CommitCodec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Partition specs and partition values in the log, through the commit codec. */
class PartitionSpecJsonTest {
  private static final Schema SCHEMA = PartitionSpecTest.SCHEMA;
  private static final PartitionSpec FIRST = PartitionSpec.builderFor(SCHEMA).specId(1)
      .day("ts").bucket("id", 16).truncate("name", 4).identity("category").build();
  private static final PartitionSpec SECOND = PartitionSpec.builderFor(SCHEMA).specId(2)
      .lastAssignedFieldId(FIRST.lastAssignedFieldId())
      .add(FIRST.fields().get(0)).hour("local_ts").year("day").alwaysNull("region").build();

  private static Metadata metadata() {
    return new Metadata(Samples.TABLE_ID, 0, SCHEMA, SCHEMA.highestFieldId(),
        List.of(PartitionSpec.unpartitioned(), FIRST, SECOND), 2, SECOND.lastAssignedFieldId(), Map.of(),
        1_700_000_000_000L);
  }

  private static byte[] commit(Action... actions) {
    List<Action> all = new ArrayList<>();
    all.add(Samples.commitInfo(actions.length));
    all.addAll(List.of(actions));
    return CommitCodec.encode(all);
  }

  @Test
  void aMetadataActionWithPartitionedSpecsRoundTrips() {
    Metadata m = metadata();

    List<Action> decoded = CommitCodec.decode("00000000000000000003.json", commit(m));

    assertThat(decoded.get(1)).isEqualTo(m);
    Metadata back = (Metadata) decoded.get(1);
    assertThat(back.defaultSpec().fields()).extracting(PartitionField::fieldId).containsExactly(1000, 1004, 1005, 1006);
    assertThat(back.lastPartitionId()).isEqualTo(1006);
    assertThat(back.defaultSpec().partitionType(back.schema()))
        .isEqualTo(SECOND.partitionType(SCHEMA));
  }

  @Test
  void transformsAreWrittenInTheirSpecForm() {
    String json = CommitCodec.toJson(metadata());

    assertThat(json)
        .contains("{\"specId\":0,\"fields\":[]}")
        .contains("{\"specId\":1,\"fields\":[{\"sourceId\":3,\"fieldId\":1000,\"name\":\"ts_day\",\"transform\":\"day\"},"
            + "{\"sourceId\":1,\"fieldId\":1001,\"name\":\"id_bucket\",\"transform\":\"bucket[16]\"},"
            + "{\"sourceId\":2,\"fieldId\":1002,\"name\":\"name_trunc\",\"transform\":\"truncate[4]\"},"
            + "{\"sourceId\":9,\"fieldId\":1003,\"name\":\"category\",\"transform\":\"identity\"}]}")
        .contains("\"transform\":\"hour\"", "\"transform\":\"year\"", "\"transform\":\"void\"")
        .contains("\"defaultSpecId\":2,\"lastPartitionId\":1006");
  }

  @Test
  void anUnknownTransformInTheLogIsACorruptLog() {
    String text = new String(commit(metadata()), StandardCharsets.UTF_8).replace("\"bucket[16]\"", "\"zorder[16]\"");

    assertThatThrownBy(() -> CommitCodec.decode("00000000000000000003.json", text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(CorruptLogException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("corrupt log file 00000000000000000003.json line 2")
        .hasMessageContaining("unknown partition transform 'zorder[16]'");
  }

  @Test
  void aMalformedTransformParameterInTheLogIsACorruptLog() {
    String text = new String(commit(metadata()), StandardCharsets.UTF_8).replace("\"truncate[4]\"", "\"truncate[0]\"");

    assertThatThrownBy(() -> CommitCodec.decode("00000000000000000003.json", text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("unknown partition transform 'truncate[0]'");
  }

  @Test
  void partitionValuesOfAnAddRoundTripThroughTheLog() {
    Object[] values = {LocalDate.parse("1969-12-31"), null, -1, null};
    AddFile add = new AddFile("data/" + PartitionPaths.path(SECOND, SCHEMA, values) + "/f.parquet",
        PartitionValues.toJson(SECOND, SCHEMA, values), 2, 10, 1, Map.of(), true);

    AddFile back = (AddFile) CommitCodec.decode("00000000000000000004.json", commit(add)).get(1);

    assertThat(back.path()).isEqualTo("data/ts_day=1969-12-31/local_ts_hour=__NULL__/day_year=1969/"
        + "region_null=__NULL__/f.parquet");
    assertThat(CommitCodec.toJson(back)).contains("\"partitionValues\":{\"ts_day\":\"1969-12-31\","
        + "\"local_ts_hour\":null,\"day_year\":-1,\"region_null\":null}");
    assertThat(PartitionValues.fromJson(SECOND, SCHEMA, back.partitionValues())).containsExactly(values);
  }

  @Test
  void theExamplesOfSpecSectionEightAreWhatTheLibraryWrites() throws IOException {
    String spec = Files.readString(Path.of("..", "spec.md"), StandardCharsets.UTF_8);
    Schema schema = SchemaDdl.parse("id long not null, name string, ts timestamp");
    PartitionSpec byDayAndBucket = PartitionSpec.builderFor(schema).specId(1).day("ts").bucket("id", 16).build();
    Metadata m = new Metadata(Samples.TABLE_ID, 0, schema, 3, List.of(PartitionSpec.unpartitioned(), byDayAndBucket),
        1, byDayAndBucket.lastAssignedFieldId(), Map.of(), 1L);
    String metadataJson = CommitCodec.toJson(m);
    String specJson = metadataJson.substring(metadataJson.indexOf("{\"specId\":1,"),
        metadataJson.indexOf(",\"defaultSpecId\"") - 1);
    int addStart = spec.indexOf("{\"add\":{\"path\":\"data/ts_day=");
    String addLine = spec.substring(addStart, spec.indexOf('\n', addStart));

    Object[] values = PartitionValues.of(byDayAndBucket, schema,
        id -> id == 1 ? (Object) 34L : Instant.parse("2024-01-02T10:00:00Z"));
    AddFile add = (AddFile) CommitCodec.decode("spec.md",
        (Samples.line(Samples.commitInfo(1)) + "\n" + addLine + "\n").getBytes(StandardCharsets.UTF_8)).get(1);

    assertThat(spec).contains("Example: `" + specJson + "`\nwith `lastPartitionId` 1001.");
    assertThat(add.partitionValues()).isEqualTo(PartitionValues.toJson(byDayAndBucket, schema, values));
    assertThat(add.path()).startsWith("data/" + PartitionPaths.path(byDayAndBucket, schema, values) + "/");
    assertThat(Samples.line(add)).isEqualTo(addLine);
    assertThat(spec).contains("`data/" + PartitionPaths.path(byDayAndBucket, schema, values) + "/");
  }
}
