package io.tidemark.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A separate JVM that runs one round of {@link CrashPlan} on a table until it is killed, for the
 * crash-consistency test. Arguments: table location, seed, round, the most operations to run, a scratch directory to
 * warm up in.
 * Prints {@code ready} once the table is open, then {@code start <index>} before each operation;
 * it keeps no record of what it committed (the test derives that from the plan and the log).
 */
public final class CrashWorkerMain {
  private CrashWorkerMain() {}

  public static void main(String[] args) {
    String location = args[0];
    CrashPlan plan = new CrashPlan(Long.parseLong(args[1]), Integer.parseInt(args[2]));
    int maxOps = Integer.parseInt(args[3]);
    warmUp(Path.of(args[4]));
    Table table = Tables.open(location);
    System.out.println("ready");
    for (int i = 0; i < maxOps; i++) {
      CrashPlan.Op op = plan.op(i);
      System.out.println("start " + i);
      run(table, op.kind(), op.block());
    }
    System.out.println("done");
  }

  /**
   * Runs each kind of operation once on a scratch table, so that the kill, timed from "ready",
   * lands in the real table's operations rather than in class loading.
   */
  private static void warmUp(Path scratch) {
    Table table = Tables.create(scratch.toString(), TestTables.SCHEMA, CrashPlan.spec(), CrashPlan.PROPERTIES);
    for (CrashPlan.Kind kind : List.of(CrashPlan.Kind.APPEND, CrashPlan.Kind.APPEND, CrashPlan.Kind.DELETE,
        CrashPlan.Kind.COMPACT, CrashPlan.Kind.CHECKPOINT, CrashPlan.Kind.VACUUM)) {
      run(table, kind, 0);
    }
  }

  private static void run(Table table, CrashPlan.Kind kind, long block) {
    switch (kind) {
      case APPEND -> TestTables.append(table, CrashPlan.rows(block));
      case DELETE -> table.newDelete().where(CrashPlan.blockFilter(block)).commit();
      case COMPACT -> table.compact().commit();
      case CHECKPOINT -> table.checkpoint();
      case VACUUM -> table.vacuum().retain(Duration.ZERO).force(true).execute();
      default -> throw new IllegalStateException("unknown operation " + kind);
    }
  }
}
