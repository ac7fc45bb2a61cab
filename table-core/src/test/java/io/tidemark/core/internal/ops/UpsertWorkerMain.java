package io.tidemark.core.internal.ops;

import io.tidemark.core.MergeResult;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.spec.error.CommitConflictException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM that upserts into a table, for {@link MultiProcessUpsertTest} and
 * {@link UpsertCrashTest}. Arguments: table location, mode, worker number, upserts to commit, a
 * file whose existence means "start" (or {@code -}), and the number of upserts committed before.
 *
 * <p>Mode {@code hot}: each attempt sets every key of {@link MultiProcessUpsertTest#hotKeys} to the
 * attempt's tag and inserts the attempt's own key {@link #ownKey}; a conflict is retried by a new
 * attempt. Mode {@code crash}: the same with the keys of {@link UpsertCrashTest#keys}. Mode
 * {@code own}: each upsert updates ten keys of the worker's own range and inserts one new key there. Prints {@code ready}, then per attempt {@code committed <key> <version>} or
 * {@code conflict <key>}, then {@code done}.
 */
public final class UpsertWorkerMain {
  private UpsertWorkerMain() {}

  /** The key only attempt {@code attempt} of {@code worker} inserts, and the tag it writes. */
  static long ownKey(int worker, int attempt) {
    return 1_000_000L * (worker + 1) + attempt;
  }

  /** A row of {@link io.tidemark.core.TestTables#SCHEMA} with this tag as its name. */
  static Record row(long id, String tag) {
    return Record.of(io.tidemark.core.TestTables.SCHEMA, id, tag, null, null);
  }

  public static void main(String[] args) throws Exception {
    Table table = Tables.open(args[0]);
    String mode = args[1];
    int worker = Integer.parseInt(args[2]);
    int upserts = Integer.parseInt(args[3]);
    int before = Integer.parseInt(args[5]);
    System.out.println("ready");
    System.out.flush();
    if (!args[4].equals("-")) {
      Path go = Path.of(args[4]);
      long deadline = System.currentTimeMillis() + 60_000;
      while (!Files.exists(go) && System.currentTimeMillis() < deadline) {
        Thread.sleep(1);
      }
    }
    int committed = before;
    for (int attempt = before; committed < upserts; attempt++) {
      long own = ownKey(worker, attempt);
      String tag = "w" + worker + "-a" + attempt;
      List<Record> source = new ArrayList<>();
      if (!mode.equals("own")) {
        for (long k : mode.equals("hot") ? MultiProcessUpsertTest.hotKeys() : UpsertCrashTest.keys()) {
          source.add(row(k, tag));
        }
      } else {
        for (long k = 0; k < 10; k++) {
          source.add(row(ownKey(worker, 0) - 500_000 + (attempt * 10L + k) % 100, tag));
        }
      }
      source.add(row(own, tag));
      try {
        MergeResult r = table.newMerge().on("id").source(source).whenMatchedUpdateAll().whenNotMatchedInsertAll()
            .commit();
        System.out.println("committed " + own + " " + r.version());
        committed++;
      } catch (CommitConflictException e) {
        System.out.println("conflict " + own);
      }
      System.out.flush();
    }
    System.out.println("done");
  }
}
