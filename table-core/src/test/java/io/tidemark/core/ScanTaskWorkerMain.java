package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.core.io.LocalFileIO;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A worker JVM for {@link ScanTaskTest}: reads serialized scan task groups from a file and prints
 * each row's string form on a line of its own. It knows nothing of the table but what the tasks say.
 */
public final class ScanTaskWorkerMain {
  private ScanTaskWorkerMain() {}

  /** Args: the file of serialized task groups (a {@code List<ScanTaskGroup>}). */
  public static void main(String[] args) throws Exception {
    List<?> groups;
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(args[0])))) {
      groups = (List<?>) in.readObject();
    }
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (Object group : groups) {
      try (ScanReader rows = ScanTasks.open(new LocalFileIO(), (ScanTaskGroup) group)) {
        for (Record r : rows) {
          out.println(r);
        }
      }
    }
    out.flush();
  }
}
