package io.tidemark.spec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.Samples;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.JsonValues;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitCodecTest {
  private static final String FILE = "_log/00000000000000000007.json";

  private static List<Action> roundTrip(List<Action> actions) {
    return CommitCodec.decode(FILE, CommitCodec.encode(actions));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = CommitCodecTest.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource " + name).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void encodeThenDecodeGivesBackEveryActionEqualToTheOriginal() {
    List<Action> actions = Samples.everyAction();

    List<Action> decoded = roundTrip(actions);

    assertThat(decoded).containsExactlyElementsOf(actions);
    assertThat(decoded).extracting(Action::actionName)
        .containsExactly("commitInfo", "protocol", "metadata", "txn", "remove", "add");
  }

  @Test
  void commitInfoRoundTripKeepsEveryField() {
    CommitInfo info = Samples.commitInfo(0);

    CommitInfo decoded = (CommitInfo) roundTrip(List.of(info)).get(0);

    assertThat(decoded).isEqualTo(info);
    assertThat(decoded.timestamp()).isEqualTo(1_700_000_000_123L);
    assertThat(decoded.operation()).isEqualTo("WRITE");
    assertThat(decoded.operationParameters()).containsExactly(Map.entry("mode", "Append"));
    assertThat(decoded.readVersion()).isEqualTo(4L);
    assertThat(decoded.isolationLevel()).isEqualTo("WriteSerializable");
    assertThat(decoded.blindAppend()).isTrue();
    assertThat(decoded.txnId()).isEqualTo(Samples.TXN_ID);
    assertThat(decoded.operationMetrics()).containsEntry("numOutputRows", 3L).hasSize(3);
    assertThat(decoded.engineInfo()).isEqualTo("tidemark/0.1.0");
    assertThat(decoded.actionCount()).isZero();
  }

  @Test
  void commitInfoWithoutReadVersionOrEngineInfoRoundTripsWithNulls() {
    CommitInfo info = new CommitInfo(5L, "CREATE TABLE", Map.of(), null, "Serializable", false, "t-1",
        Map.of(), null, 0);

    String json = CommitCodec.toJson(info);
    CommitInfo decoded = (CommitInfo) roundTrip(List.of(info)).get(0);

    assertThat(json).doesNotContain("readVersion").doesNotContain("engineInfo");
    assertThat(decoded).isEqualTo(info);
    assertThat(decoded.readVersion()).isNull();
    assertThat(decoded.engineInfo()).isNull();
  }

  @Test
  void protocolRoundTripKeepsVersionsAndFeatureSets() {
    Protocol p = new Protocol(2, 3, java.util.Set.of("zeta", "alpha"), java.util.Set.of("w1"));

    Protocol decoded = (Protocol) roundTrip(List.of(Samples.commitInfo(1), p)).get(1);

    assertThat(decoded).isEqualTo(p);
    assertThat(decoded.readerFeatures()).containsExactly("alpha", "zeta");
    assertThat(CommitCodec.toJson(p)).isEqualTo(
        "{\"minReaderVersion\":2,\"minWriterVersion\":3,\"readerFeatures\":[\"alpha\",\"zeta\"],\"writerFeatures\":[\"w1\"]}");
  }

  @Test
  void metadataRoundTripKeepsSchemaWithEveryPrimitiveAndNestedType() {
    Metadata m = Samples.metadata();

    Metadata decoded = (Metadata) roundTrip(List.of(Samples.commitInfo(1), m)).get(1);

    assertThat(decoded).isEqualTo(m);
    Schema s = decoded.schema();
    assertThat(s.column("b").type()).isEqualTo(PrimitiveType.BOOLEAN);
    assertThat(s.column("i").type()).isEqualTo(PrimitiveType.INT);
    assertThat(s.column("l").type()).isEqualTo(PrimitiveType.LONG);
    assertThat(s.column("f").type()).isEqualTo(PrimitiveType.FLOAT);
    assertThat(s.column("d").type()).isEqualTo(PrimitiveType.DOUBLE);
    assertThat(s.column("dec").type()).isEqualTo(new DecimalType(10, 2));
    assertThat(s.column("wide").type()).isEqualTo(new DecimalType(38, 10));
    assertThat(s.column("day").type()).isEqualTo(PrimitiveType.DATE);
    assertThat(s.column("ts").type()).isEqualTo(PrimitiveType.TIMESTAMP);
    assertThat(s.column("local_ts").type()).isEqualTo(PrimitiveType.TIMESTAMP_NTZ);
    assertThat(s.column("s").type()).isEqualTo(PrimitiveType.STRING);
    assertThat(s.column("bin").type()).isEqualTo(PrimitiveType.BINARY);
    assertThat(s.column("point").type()).isInstanceOf(StructType.class);
    assertThat(s.column("tags").type()).isInstanceOfSatisfying(ListType.class,
        l -> assertThat(l.elementRequired()).isFalse());
    assertThat(s.column("ids").type()).isInstanceOfSatisfying(ListType.class,
        l -> assertThat(l.elementRequired()).isTrue());
    assertThat(s.column("attrs").type()).isInstanceOfSatisfying(MapType.class,
        mt -> assertThat(mt.valueType()).isInstanceOf(StructType.class));
    assertThat(s.column("noted").doc()).isEqualTo("a column with a doc string");
    assertThat(decoded.partitionSpecs()).hasSize(2);
    assertThat(decoded.spec(1).fields()).extracting(f -> f.transform().toString()).containsExactly("day", "bucket[16]");
    assertThat(decoded.properties()).containsEntry("write.parquet.compression", "zstd");
    assertThat(decoded.lastPartitionId()).isEqualTo(1001);
    assertThat(decoded.createdTime()).isEqualTo(1_699_999_999_000L);
  }

  @Test
  void txnRoundTripWithAndWithoutLastUpdated() {
    Txn with = new Txn("app", 9L, 123L);
    Txn without = new Txn("other", 0L, null);

    List<Action> decoded = roundTrip(List.of(Samples.commitInfo(2), with, without));

    assertThat(decoded.subList(1, 3)).containsExactly(with, without);
    assertThat(CommitCodec.toJson(without)).doesNotContain("lastUpdated");
  }

  @Test
  void removeRoundTripWithAndWithoutSizeAndRecordCount() {
    RemoveFile full = new RemoveFile("data/a.parquet", 77L, false, 10L, 2L);
    RemoveFile bare = new RemoveFile("data/b.parquet", 78L, true, null, null);

    List<Action> decoded = roundTrip(List.of(Samples.commitInfo(2), full, bare));

    assertThat(decoded.subList(1, 3)).containsExactly(full, bare);
    assertThat(CommitCodec.toJson(bare)).doesNotContain("size").doesNotContain("recordCount");
  }

  @Test
  void addRoundTripKeepsStatsIncludingNanCountAndLongDoubleStringBounds() {
    AddFile add = Samples.add("data/x.parquet");

    AddFile decoded = (AddFile) roundTrip(List.of(Samples.commitInfo(1), add)).get(1);

    assertThat(decoded).isEqualTo(add);
    assertThat(decoded.stats().get(3)).isEqualTo(new ColumnStats(0, null, -5L, 1_000_000_000_000L));
    assertThat(decoded.stats().get(5)).isEqualTo(new ColumnStats(2, 1L, -1.5, 2.5e10));
    assertThat(decoded.stats().get(5).nanCount()).isEqualTo(1L);
    assertThat(decoded.stats().get(11)).isEqualTo(new ColumnStats(1, null, "apple", "zebra"));
    assertThat(decoded.stats().get(12).min()).isNull();
    assertThat(decoded.stats().get(12).max()).isNull();
    assertThat(decoded.specId()).isEqualTo(1);
    assertThat(decoded.size()).isEqualTo(4096L);
    assertThat(decoded.recordCount()).isEqualTo(3L);
    assertThat(decoded.dataChange()).isTrue();
  }

  @Test
  void addRoundTripKeepsPartitionValuesIncludingNull() {
    AddFile decoded = (AddFile) roundTrip(List.of(Samples.commitInfo(1), Samples.add("data/x.parquet"))).get(1);

    assertThat(decoded.partitionValues())
        .containsEntry("region", "eu")
        .containsEntry("l_bucket", 7L)
        .containsEntry("missing", null)
        .containsEntry("flag", true)
        .containsEntry("ratio", 0.25)
        .hasSize(5);
    assertThat(decoded.partitionValues().keySet()).containsExactly("region", "l_bucket", "missing", "flag", "ratio");
  }

  @Test
  void addEncodesNullPartitionValueAsJsonNullAndOmitsAbsentStatFields() {
    String json = CommitCodec.toJson(Samples.add("data/x.parquet"));

    assertThat(json).contains("\"missing\":null");
    assertThat(json).contains("\"12\":{\"nullCount\":3}");
    assertThat(json).contains("\"3\":{\"nullCount\":0,\"min\":-5,\"max\":1000000000000}");
  }

  @Test
  void statsBoundsOfEveryPrimitiveTypeSurviveTheLogInTheirSingleValueForm() {
    Map<Type, Object> values = new LinkedHashMap<>();
    values.put(PrimitiveType.BOOLEAN, true);
    values.put(PrimitiveType.INT, -7);
    values.put(PrimitiveType.LONG, Long.MAX_VALUE);
    values.put(PrimitiveType.FLOAT, 1.1f);
    values.put(PrimitiveType.DOUBLE, Double.NEGATIVE_INFINITY);
    values.put(new DecimalType(10, 2), new BigDecimal("-12345678.90"));
    values.put(PrimitiveType.DATE, LocalDate.of(1969, 12, 31));
    values.put(PrimitiveType.TIMESTAMP, Instant.parse("2024-01-02T10:00:00.000001Z"));
    values.put(PrimitiveType.TIMESTAMP_NTZ, LocalDateTime.parse("2024-01-02T10:00:00.000001"));
    values.put(PrimitiveType.STRING, "h\u00e9llo \ud83d\ude00");
    values.put(PrimitiveType.BINARY, ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xfe, (byte) 0xff}));
    Map<Integer, ColumnStats> stats = new TreeMap<>();
    List<Type> types = List.copyOf(values.keySet());
    for (int i = 0; i < types.size(); i++) {
      Object json = JsonValues.toJson(types.get(i), values.get(types.get(i)));
      stats.put(i + 1, new ColumnStats(0, null, json, json));
    }
    AddFile add = new AddFile("data/all.parquet", Map.of(), 0, 1, 1, stats, true);

    AddFile decoded = (AddFile) roundTrip(List.of(Samples.commitInfo(1), add)).get(1);

    for (int i = 0; i < types.size(); i++) {
      Type type = types.get(i);
      ColumnStats s = decoded.stats().get(i + 1);
      assertThat(JsonValues.fromJson(type, s.min())).as("min of %s", type).isEqualTo(values.get(type));
      assertThat(JsonValues.fromJson(type, s.max())).as("max of %s", type).isEqualTo(values.get(type));
    }
  }

  @Test
  void nonAsciiTextRoundTripsAsUtf8() {
    AddFile add = new AddFile("data/\u00fcn\u00efc\u00f8d\u00e9 \ud83d\ude00.parquet", Map.of("k\u00e9", "v\u00e9"), 0,
        1, 1, Map.of(), true);

    byte[] bytes = CommitCodec.encode(List.of(Samples.commitInfo(1), add));

    assertThat(new String(bytes, UTF_8)).contains("\u00fcn\u00efc\u00f8d\u00e9");
    assertThat(CommitCodec.decode(FILE, bytes).get(1)).isEqualTo(add);
  }

  @Test
  void encodeWritesOneSingleKeyObjectPerLineEachTerminatedByNewline() {
    byte[] bytes = CommitCodec.encode(Samples.everyAction());
    String text = new String(bytes, UTF_8);

    assertThat(text).endsWith("\n");
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    assertThat(lines).hasSize(6);
    assertThat(lines[0]).startsWith("{\"commitInfo\":{");
    assertThat(lines[1]).startsWith("{\"protocol\":{");
    assertThat(lines[2]).startsWith("{\"metadata\":{");
    assertThat(lines[3]).startsWith("{\"txn\":{");
    assertThat(lines[4]).startsWith("{\"remove\":{");
    assertThat(lines[5]).startsWith("{\"add\":{");
    for (int i = 0; i < lines.length; i++) {
      assertThat(lines[i]).isEqualTo(Samples.line(Samples.everyAction().get(i)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"create-table.json", "append.json", "exactly-once-append.json"})
  void goldenCommitFilesDecodeAndReencodeByteForByte(String name) throws IOException {
    byte[] golden = resource(name);

    List<Action> actions = CommitCodec.decode(name, golden);

    assertThat(new String(CommitCodec.encode(actions), UTF_8)).isEqualTo(new String(golden, UTF_8));
  }

  @Test
  void goldenCreateTableCommitHoldsProtocolAndMetadata() throws IOException {
    List<Action> actions = CommitCodec.decode("create-table.json", resource("create-table.json"));

    assertThat(actions).hasSize(3);
    CommitInfo info = (CommitInfo) actions.get(0);
    assertThat(info.operation()).isEqualTo("CREATE TABLE");
    assertThat(info.readVersion()).isNull();
    assertThat(info.actionCount()).isEqualTo(2);
    assertThat(actions.get(1)).isEqualTo(Protocol.current());
    Metadata m = (Metadata) actions.get(2);
    assertThat(m.defaultSpec()).isEqualTo(PartitionSpec.unpartitioned());
    assertThat(m.schema().columns()).extracting(NestedField::id).containsExactly(1, 2, 3);
  }

  @Test
  void goldenAppendCarriesStatsInSingleValueForm() throws IOException {
    List<Action> actions = CommitCodec.decode("append.json", resource("append.json"));

    AddFile add = (AddFile) actions.get(1);
    assertThat(JsonValues.fromJson(PrimitiveType.TIMESTAMP, add.stats().get(3).max()))
        .isEqualTo(Instant.parse("2024-01-02T11:30:00.5Z"));
    assertThat(add.stats().get(2)).isEqualTo(new ColumnStats(1, null, "alice", "carol"));
  }

  @Test
  void decodeIgnoresUnknownFieldsInsideKnownActions() {
    String text = "{\"commitInfo\":{\"timestamp\":1,\"operation\":\"WRITE\",\"isolationLevel\":\"Serializable\","
        + "\"isBlindAppend\":false,\"txnId\":\"t\",\"actionCount\":1,\"futureField\":{\"nested\":[1,2]}}}\n"
        + "{\"txn\":{\"appId\":\"a\",\"version\":3,\"somethingNew\":true}}\n";

    List<Action> actions = CommitCodec.decode(FILE, text.getBytes(UTF_8));

    assertThat(actions.get(1)).isEqualTo(new Txn("a", 3L, null));
  }

  @Test
  void decodeTreatsAbsentOptionalMapsAsEmptyAndJsonNullOptionalsAsAbsent() {
    String text = "{\"commitInfo\":{\"timestamp\":1,\"operation\":\"WRITE\",\"readVersion\":null,"
        + "\"isolationLevel\":\"Serializable\",\"isBlindAppend\":false,\"txnId\":\"t\",\"engineInfo\":null,"
        + "\"actionCount\":1}}\n"
        + "{\"add\":{\"path\":\"data/a.parquet\",\"specId\":0,\"size\":5,\"recordCount\":1,\"dataChange\":true}}\n";

    List<Action> actions = CommitCodec.decode(FILE, text.getBytes(UTF_8));

    CommitInfo info = (CommitInfo) actions.get(0);
    assertThat(info.readVersion()).isNull();
    assertThat(info.engineInfo()).isNull();
    assertThat(info.operationParameters()).isEmpty();
    assertThat(info.operationMetrics()).isEmpty();
    AddFile add = (AddFile) actions.get(1);
    assertThat(add.partitionValues()).isEmpty();
    assertThat(add.stats()).isEmpty();
  }

  @Test
  void encodeRefusesACommitThatDoesNotStartWithCommitInfo() {
    assertThatThrownBy(() -> CommitCodec.encode(List.of(Protocol.current())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commitInfo");
    assertThatThrownBy(() -> CommitCodec.encode(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodeRefusesAnActionCountThatDoesNotMatchTheActionsThatFollow() {
    assertThatThrownBy(() -> CommitCodec.encode(List.of(Samples.commitInfo(2), Protocol.current())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actionCount is 2 but 1 actions follow");
  }

  @Test
  void retriedCommitInfoKeepsEverythingButTimestampAndActionCount() {
    CommitInfo info = Samples.commitInfo(5);

    CommitInfo retried = info.withTimestampAndCount(info.timestamp() + 10, 6);

    assertThat(retried.timestamp()).isEqualTo(info.timestamp() + 10);
    assertThat(retried.actionCount()).isEqualTo(6);
    assertThat(retried.txnId()).isEqualTo(info.txnId());
    assertThat(retried.withTimestampAndCount(info.timestamp(), 5)).isEqualTo(info);
  }

  /**
   * Regression: CommitInfo accepts a null isolationLevel and the encoder
   * writes {@code "isolationLevel":null}, which decode refuses as a missing required field, so a
   * writer can produce a commit that makes the table unreadable.
   */
  @Test
  void commitInfoWithNullIsolationLevelNeverYieldsAnUnreadableCommit() {
    assertThatCode(() -> {
      CommitInfo info;
      try {
        info = new CommitInfo(1L, "WRITE", Map.of(), null, null, false, "t", Map.of(), null, 0);
      } catch (RuntimeException refusedUpFront) {
        return;
      }
      CommitCodec.decode(FILE, CommitCodec.encode(List.of(info)));
    }).doesNotThrowAnyException();
  }

  /**
   * Regression: map-valued fields (table properties, operation parameters,
   * operation metrics) accept null values, which the encoder writes as JSON null and decode then
   * refuses, so the commit is unreadable.
   */
  @Test
  void tablePropertyWithNullValueNeverYieldsAnUnreadableCommit() {
    Map<String, String> props = new HashMap<>();
    props.put("k", null);
    assertThatCode(() -> {
      Metadata m;
      try {
        Metadata base = Samples.metadata();
        m = new Metadata(base.tableId(), base.schemaId(), base.schema(), base.lastColumnId(),
            base.partitionSpecs(), base.defaultSpecId(), base.lastPartitionId(), props, base.createdTime());
      } catch (RuntimeException refusedUpFront) {
        return;
      }
      CommitCodec.decode(FILE, CommitCodec.encode(List.of(Samples.commitInfo(1), m)));
    }).doesNotThrowAnyException();
  }
}
