package io.tidemark.spec;

import static io.tidemark.spec.types.Types.BINARY;
import static io.tidemark.spec.types.Types.BOOLEAN;
import static io.tidemark.spec.types.Types.DATE;
import static io.tidemark.spec.types.Types.DOUBLE;
import static io.tidemark.spec.types.Types.FLOAT;
import static io.tidemark.spec.types.Types.INT;
import static io.tidemark.spec.types.Types.LONG;
import static io.tidemark.spec.types.Types.STRING;
import static io.tidemark.spec.types.Types.TIMESTAMP;
import static io.tidemark.spec.types.Types.TIMESTAMP_NTZ;
import static io.tidemark.spec.types.Types.decimal;
import static io.tidemark.spec.types.Types.list;
import static io.tidemark.spec.types.Types.listOfRequired;
import static io.tidemark.spec.types.Types.map;
import static io.tidemark.spec.types.Types.optional;
import static io.tidemark.spec.types.Types.required;
import static io.tidemark.spec.types.Types.struct;

import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.partition.Transforms;
import io.tidemark.spec.types.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shared sample values for the table-spec tests. */
public final class Samples {
  public static final String TXN_ID = "5f0c6a0e-8d43-4c1b-9a55-3f1e6f0b2a10";
  public static final String TABLE_ID = "0b8e6c52-2a3c-4a8e-9d0e-6c1f4b7a9e21";

  private Samples() {}

  /** A schema holding every primitive type and every nested kind. */
  public static Schema everyTypeSchema() {
    return Schema.builder()
        .required("b", BOOLEAN)
        .optional("i", INT)
        .required("l", LONG)
        .optional("f", FLOAT)
        .optional("d", DOUBLE)
        .optional("dec", decimal(10, 2))
        .optional("wide", decimal(38, 10))
        .optional("day", DATE)
        .optional("ts", TIMESTAMP)
        .optional("local_ts", TIMESTAMP_NTZ)
        .optional("s", STRING)
        .optional("bin", BINARY)
        .optional("point", struct(required("x", DOUBLE), optional("y", DOUBLE)))
        .optional("tags", list(STRING))
        .optional("ids", listOfRequired(LONG))
        .optional("attrs", map(STRING, struct(optional("v", LONG), required("w", decimal(5, 0)))))
        .column("noted", STRING, false, "a column with a doc string")
        .build();
  }

  /** A commitInfo with the given action count. */
  public static CommitInfo commitInfo(int actionCount) {
    return new CommitInfo(1_700_000_000_123L, "WRITE", Map.of("mode", "Append"), 4L,
        "WriteSerializable", true, TXN_ID, Map.of("numFiles", 1L, "numOutputRows", 3L, "numOutputBytes", 1234L),
        "tidemark/0.1.0", actionCount);
  }

  /** Metadata over {@link #everyTypeSchema()} with two specs and some properties. */
  public static Metadata metadata() {
    Schema schema = everyTypeSchema();
    PartitionSpec spec1 = new PartitionSpec(1, List.of(
        new PartitionField(9, 1000, "ts_day", Transforms.day()),
        new PartitionField(3, 1001, "l_bucket", Transforms.bucket(16))));
    return new Metadata(TABLE_ID, 0, schema, schema.highestFieldId(),
        List.of(PartitionSpec.unpartitioned(), spec1), 0, 1001,
        Map.of("write.parquet.compression", "zstd", "commit.retry.max-attempts", "7"), 1_699_999_999_000L);
  }

  /** An add with stats of long, double (with NaN count), string and partition values including null. */
  public static AddFile add(String path) {
    Map<String, Object> partition = new LinkedHashMap<>();
    partition.put("region", "eu");
    partition.put("l_bucket", 7L);
    partition.put("missing", null);
    partition.put("flag", true);
    partition.put("ratio", 0.25);
    Map<Integer, ColumnStats> stats = new TreeMap<>();
    stats.put(3, new ColumnStats(0, null, -5L, 1_000_000_000_000L));
    stats.put(5, new ColumnStats(2, 1L, -1.5, 2.5e10));
    stats.put(11, new ColumnStats(1, null, "apple", "zebra"));
    stats.put(12, new ColumnStats(3, null, null, null));
    return new AddFile(path, partition, 1, 4096L, 3L, stats, true);
  }

  /** One of each action, in the order the format requires. */
  public static List<Action> everyAction() {
    return List.of(
        commitInfo(5),
        Protocol.current(),
        metadata(),
        new Txn("ingest-job", 42L, 1_700_000_000_100L),
        new RemoveFile("data/old.parquet", 1_700_000_000_050L, true, 2048L, 10L),
        add("data/3f1e6f0b-0000-4000-8000-000000000001.parquet"));
  }

  /** The JSON line of one action, as a commit file holds it (without the newline). */
  public static String line(Action action) {
    return "{\"" + action.actionName() + "\":" + io.tidemark.spec.json.CommitCodec.toJson(action) + "}";
  }
}
