package io.tidemark.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A separate JVM that appends to a table, for the multi-process test. Arguments: table location,
 * worker number, appends, rows per append, a file whose existence means "start", then any number
 * of table options as {@code key=value}.
 * Prints each committed version on its own line.
 */
public final class AppendWorkerMain {
  private AppendWorkerMain() {}

  public static void main(String[] args) throws Exception {
    String location = args[0];
    int worker = Integer.parseInt(args[1]);
    int appends = Integer.parseInt(args[2]);
    int rows = Integer.parseInt(args[3]);
    Path go = Path.of(args[4]);
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 5; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    Table table = Tables.open(location, TableOptions.of(options));
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(go) && System.currentTimeMillis() < deadline) {
      Thread.sleep(1);
    }
    for (int a = 0; a < appends; a++) {
      long first = ((long) worker * appends + a) * rows;
      System.out.println(TestTables.append(table, TestTables.rows(first, first + rows)).version());
    }
  }
}
