package io.tidemark.bench;

import io.tidemark.core.Table;
import io.tidemark.core.TableProperties;
import io.tidemark.core.Tables;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.ColumnStats;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.json.CommitCodec;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Metadata-only tables for the metadata workloads: commit files whose add actions describe
 * day-partitioned data files that are never written (only metadata is measured). Each file holds
 * one day's rows, with realistic statistics and partition values under {@code day(ts)}; the
 * commits' days advance evenly, as an ingesting service's would.
 */
final class SyntheticTables {
  static final Schema SCHEMA = SchemaDdl.parse(
      "id long, ts timestamp, category string, value double, payload string");
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final long START_DAY = START.getEpochSecond() / 86_400;

  private SyntheticTables() {}

  /**
   * Writes a table whose commits each add {@code filesPerCommit} files of one day.
   *
   * @param checkpointEvery 0 for no checkpoint at all; else a checkpoint after every commit whose
   *     version is a multiple of it, written by one long-lived {@link Table} exactly as a writer's
   *     automatic checkpoint is (incrementally, from the previous one)
   */
  static String write(Path dir, int days, int commits, int filesPerCommit, long rowsPerFile, int checkpointEvery)
      throws IOException {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).day("ts").build();
    try (Table table = Tables.create(dir.toString(), SCHEMA, spec,
        Map.of(TableProperties.CHECKPOINT_INTERVAL, Integer.toString(checkpointEvery)))) {
      LocalFileIO io = new LocalFileIO();
      long timestamp = table.currentSnapshot().timestamp().toEpochMilli();
      long id = 0;
      for (int c = 1; c <= commits; c++) {
        int day = (int) ((long) (c - 1) * days / commits);
        List<Action> actions = new ArrayList<>(filesPerCommit + 1);
        CommitInfo info = new CommitInfo(++timestamp, "WRITE", Map.of("mode", "Append"), (long) c - 1,
            "WriteSerializable", true, UUID.randomUUID().toString(), Map.of("numFiles", (long) filesPerCommit),
            "tidemark-bench", filesPerCommit);
        actions.add(info);
        for (int f = 0; f < filesPerCommit; f++) {
          actions.add(file(day, id, rowsPerFile));
          id += rowsPerFile;
        }
        // named as spec.md section 3 names commit files: the version in 20 digits
        String commitFile = String.format("%s/_log/%020d.json", table.location(), c);
        if (!io.createExclusive(commitFile, CommitCodec.encode(actions))) {
          throw new IllegalStateException("commit " + c + " exists");
        }
        if (checkpointEvery > 0 && c % checkpointEvery == 0) {
          table.checkpoint();
        }
      }
      return table.location();
    }
  }

  /** The filter of one day of the table, as the filter language writes it. */
  static String dayFilter(int day) {
    LocalDate date = LocalDate.ofEpochDay(START_DAY + day);
    return "ts >= '" + date + " 00:00:00' and ts < '" + date.plusDays(1) + " 00:00:00'";
  }

  private static AddFile file(int day, long firstId, long rows) {
    Instant dayStart = START.plusSeconds(day * 86_400L);
    Map<Integer, ColumnStats> stats = Map.of(
        1, new ColumnStats(0, null, firstId, firstId + rows - 1),
        2, new ColumnStats(0, null, dayStart.toString(), dayStart.plusSeconds(86_399).toString()),
        3, new ColumnStats(0, null, "category-000", "category-099"),
        4, new ColumnStats(0, 0L, -1000.0, 1000.0));
    String date = LocalDate.ofEpochDay(START_DAY + day).toString();
    return new AddFile("data/ts_day=" + date + "/" + UUID.randomUUID() + ".parquet", Map.of("ts_day", date), 0,
        rows * 40, rows, stats, true);
  }
}
