package io.tidemark.core.internal.ops;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;

/**
 * A separate JVM for {@link MergeOnReadCrashTest}: deletes single rows of a merge-on-read table,
 * one commit each, in the order {@link MergeOnReadCrashTest#victim} gives, until killed.
 * Arguments: table location, the index of the first delete. Prints {@code ready} once open, then
 * {@code committed} after each delete.
 */
public final class MergeOnReadDeleteWorkerMain {
  private MergeOnReadDeleteWorkerMain() {}

  public static void main(String[] args) {
    Table table = Tables.open(args[0]);
    int first = Integer.parseInt(args[1]);
    System.out.println("ready");
    System.out.flush();
    for (int i = first; i < MergeOnReadCrashTest.ROWS; i++) {
      table.newDelete().where("id = " + MergeOnReadCrashTest.victim(i)).commit();
      System.out.println("committed");
      System.out.flush();
    }
    System.out.println("done");
  }
}
