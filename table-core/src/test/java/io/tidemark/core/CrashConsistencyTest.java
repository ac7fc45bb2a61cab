package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.data.Record;
import io.tidemark.spec.error.MissingDataFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency: a worker JVM ({@link CrashWorkerMain}) runs appends, deletes, compactions,
 * checkpoints and vacuums (zero retention, forced, so it really deletes) on one local table and is
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) at a random moment. After each
 * kill the test appends once itself (the table must still accept a commit) and checks every
 * version against an oracle it derives without the worker's help: the worker's operations follow
 * from the round's seed ({@link CrashPlan}), and the log's operation names say which of them
 * committed, so the exact rows of each version are known.
 *
 * <p>Checked for every version: history is contiguous from 0 to the newest; the snapshot's record
 * count is exact; the rows read are exactly the expected ones, so each version's rows are whole
 * appends, no row appears twice, and a compaction leaves the rows of the version before it. A
 * version older than the newest may fail to read only with a {@link MissingDataFileException},
 * and only when a vacuum started after it was superseded; the newest always reads.
 *
 * <p>One worker runs at a time: a vacuum with zero retention may delete the files a concurrent
 * writer has written but not yet committed (which is why it needs {@code force}), so concurrent
 * rounds would test that documented hazard rather than crash safety; concurrent writers are
 * covered by {@link MultiProcessAppendTest}.
 *
 * <p>20 rounds run by default; {@code -Dtidemark.crash.rounds=500} runs more and
 * {@code -Dtidemark.crash.seed=<n>} repeats a seed's plans (kill timing stays random). Both are
 * read by this test only.
 */
class CrashConsistencyTest {
  private static final int MAX_OPS = 200;
  private static final int MAX_KILL_DELAY_MS = 1_000;
  private static final long POSITIONS_PER_ROUND = 100_000;

  @TempDir
  Path dir;

  private String location;
  private String seedNote;
  /** Blocks live at each version, by version. */
  private final List<Set<Long>> blocks = new ArrayList<>();
  /** Where the commit of each version was made: round * POSITIONS_PER_ROUND + operation index. */
  private final List<Long> positions = new ArrayList<>();
  /** Where vacuums started, same encoding. */
  private final List<Long> vacuums = new ArrayList<>();
  /** Versions whose files a vacuum deleted. */
  private final Set<Long> vacuumed = new HashSet<>();
  private final Map<CrashPlan.Kind, Integer> killedIn = new EnumMap<>(CrashPlan.Kind.class);

  @Test
  void workersKilledAtRandomPointsLeaveEveryCommittedVersionExactAndTheTableWritable() throws Exception {
    int rounds = Integer.getInteger("tidemark.crash.rounds", 20);
    long seed = Long.getLong("tidemark.crash.seed", new Random().nextLong());
    seedNote = "seed " + seed + " (repeat its plans with -Dtidemark.crash.seed=" + seed + ")";
    location = dir.resolve("t").toString();
    Tables.create(location, TestTables.SCHEMA, CrashPlan.spec(), CrashPlan.PROPERTIES);
    blocks.add(Set.of());
    positions.add(-1L);
    Random timing = new Random(seed);
    for (int round = 0; round < rounds; round++) {
      CrashPlan plan = new CrashPlan(seed, round);
      int started = runAndKill(round, seed, timing.nextInt(MAX_KILL_DELAY_MS));
      if (started > 0) {
        killedIn.merge(plan.op(started - 1).kind(), 1, Integer::sum);
      }
      Table table = Tables.open(location);
      long parentVersion = TestTables.append(table, CrashPlan.rows(CrashPlan.parentBlock(round))).version();
      followRound(table, plan, round, started, parentVersion);
      checkEveryVersion(table, round);
    }
    // where the kills landed, for whoever tunes the timing
    System.out.printf("crash test: %d rounds, %d versions, %d vacuums started; killed during %s; %s%n", rounds,
        blocks.size(), vacuums.size(), killedIn, seedNote);
  }

  /** Runs a worker, kills it after the delay, and returns how many operations it started. */
  private int runAndKill(int round, long seed, int delayMillis) throws Exception {
    Path out = dir.resolve("worker-" + round + ".out");
    Path err = dir.resolve("worker-" + round + ".err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), CrashWorkerMain.class.getName(), location,
        Long.toString(seed), Integer.toString(round), Integer.toString(MAX_OPS),
        dir.resolve("scratch-" + round).toString());
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    Process process = pb.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!lines(out).contains("ready") && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(lines(out)).as("round %d worker opened the table; stderr: %s", round, Files.readString(err))
          .contains("ready");
      process.waitFor(delayMillis, TimeUnit.MILLISECONDS);
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("round %d worker died", round).isTrue();
    List<String> lines = lines(out);
    if (!lines.contains("done")) {
      // killed, or died of an error of its own: only the kill's exit code (128 + SIGKILL) is fine
      assertThat(process.exitValue()).as("round %d worker exit code; %s; stderr: %s", round, seedNote,
          Files.readString(err)).isEqualTo(137);
    }
    return (int) lines.stream().filter(l -> l.startsWith("start ")).count();
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  /**
   * Matches the round's commits to the plan's operations: each commit is the next started
   * operation of its kind; operations passed over must be ones that may commit nothing (a
   * compaction, a checkpoint, a vacuum, a delete of rows no longer there).
   */
  private void followRound(Table table, CrashPlan plan, int round, int started, long parentVersion) {
    Map<Long, String> operations = new HashMap<>();
    for (HistoryEntry e : table.history()) {
      operations.put(e.version(), e.operation());
    }
    assertThat(operations.keySet()).as("history is contiguous; %s", seedNote)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(0, parentVersion).boxed().toList());
    int next = 0;
    for (long v = blocks.size(); v < parentVersion; v++) {
      String operation = operations.get(v);
      CrashPlan.Kind kind = switch (operation) {
        case "WRITE" -> CrashPlan.Kind.APPEND;
        case "DELETE" -> CrashPlan.Kind.DELETE;
        case "OPTIMIZE" -> CrashPlan.Kind.COMPACT;
        default -> throw new AssertionError("version " + v + " has unexpected operation " + operation + "; "
            + seedNote);
      };
      Set<Long> live = new TreeSet<>(blocks.get(blocks.size() - 1));
      while (true) {
        assertThat(next).as("round %d: version %d (%s) matches no started operation; %s", round, v, operation,
            seedNote).isLessThan(started);
        CrashPlan.Op op = plan.op(next);
        if (op.kind() == CrashPlan.Kind.VACUUM) {
          vacuums.add(round * POSITIONS_PER_ROUND + op.index());
        }
        boolean noOpDelete = op.kind() == CrashPlan.Kind.DELETE && !live.contains(op.block());
        if (op.kind() == kind && !noOpDelete) {
          break;
        }
        assertThat(op.kind()).as("round %d: %s completed without a commit before version %d; %s", round, op, v,
            seedNote).isNotEqualTo(CrashPlan.Kind.APPEND);
        assertThat(op.kind() == CrashPlan.Kind.DELETE && !noOpDelete)
            .as("round %d: %s of live rows completed without a commit; %s", round, op, seedNote).isFalse();
        next++;
      }
      CrashPlan.Op op = plan.op(next);
      if (kind == CrashPlan.Kind.APPEND) {
        assertThat(live.add(op.block())).as("version %d appends block %d again; %s", v, op.block(), seedNote)
            .isTrue();
      } else if (kind == CrashPlan.Kind.DELETE) {
        assertThat(live.remove(op.block())).as("version %d deletes block %d, which is not live; %s", v, op.block(),
            seedNote).isTrue();
      }
      blocks.add(live);
      positions.add(round * POSITIONS_PER_ROUND + next);
      next++;
    }
    // vacuums the worker started after its last commit may have deleted files too
    for (int i = next; i < started; i++) {
      if (plan.op(i).kind() == CrashPlan.Kind.VACUUM) {
        vacuums.add(round * POSITIONS_PER_ROUND + i);
      }
    }
    assertThat(operations.get(parentVersion)).isEqualTo("WRITE");
    Set<Long> live = new TreeSet<>(blocks.get(blocks.size() - 1));
    live.add(CrashPlan.parentBlock(round));
    blocks.add(live);
    positions.add(round * POSITIONS_PER_ROUND + POSITIONS_PER_ROUND - 1);
  }

  private void checkEveryVersion(Table table, int round) {
    long latest = table.refresh().version();
    assertThat(latest).isEqualTo(blocks.size() - 1);
    for (long v = 0; v <= latest; v++) {
      Set<Long> expectedBlocks = blocks.get((int) v);
      Set<Long> expected = expectedBlocks.stream().flatMap(b -> CrashPlan.ids(b).stream())
          .collect(Collectors.toCollection(TreeSet::new));
      String where = "round " + round + ", version " + v + " of " + latest + "; " + seedNote;
      assertThat(table.snapshot(v).recordCount()).as("record count of %s", where).isEqualTo(expected.size());
      if (vacuumed.contains(v)) {
        continue; // its files do not come back
      }
      List<Record> rows;
      try {
        rows = TestTables.read(table.newScan().asOfVersion(v));
      } catch (MissingDataFileException e) {
        long supersededAt = v == latest ? Long.MAX_VALUE : positions.get((int) v + 1);
        if (vacuums.stream().noneMatch(p -> p > supersededAt)) {
          throw new AssertionError(where + ": files gone although no vacuum ran after the version was superseded",
              e);
        }
        vacuumed.add(v);
        continue;
      }
      List<Long> ids = rows.stream().map(r -> (Long) r.get("id")).toList();
      assertThat(new HashSet<>(ids)).as("rows of %s appear once", where).hasSameSizeAs(ids);
      Map<Long, Long> perBlock = ids.stream().collect(Collectors.groupingBy(id -> id / CrashPlan.ROWS,
          Collectors.counting()));
      perBlock.forEach((block, count) -> assertThat(count).as("%s holds block %d whole", where, block)
          .isEqualTo(CrashPlan.ROWS));
      assertThat(new TreeSet<>(ids)).as("ids of %s", where).isEqualTo(expected);
      for (Record r : rows) {
        assertThat(r).as("row of %s", where).isEqualTo(TestTables.row((Long) r.get("id")));
      }
    }
  }
}
