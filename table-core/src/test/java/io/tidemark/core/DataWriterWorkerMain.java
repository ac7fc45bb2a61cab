package io.tidemark.core;

import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * A worker JVM for {@link AppendFilesTest}: writes rows with ids {@code [from, to)} through a
 * {@link DataWriter} and serializes the descriptions of its files to a file; commits nothing.
 * With a sleep argument it sleeps after every 1,000 rows, so that it can be killed mid-write.
 */
public final class DataWriterWorkerMain {
  private DataWriterWorkerMain() {}

  /** Args: table location, first id, end id, output file[, milliseconds to sleep every 1,000 rows]. */
  public static void main(String[] args) throws Exception {
    Table table = Tables.open(args[0]);
    long from = Long.parseLong(args[1]);
    long to = Long.parseLong(args[2]);
    long sleep = args.length > 4 ? Long.parseLong(args[4]) : 0;
    try (DataWriter w = table.newDataWriter()) {
      for (long id = from; id < to; id++) {
        w.write(AppendFilesTest.row(id));
        if (sleep > 0 && id % 1000 == 999) {
          Thread.sleep(sleep);
        }
      }
      ArrayList<DataFile> files = new ArrayList<>(w.finish());
      Path tmp = Path.of(args[3] + ".tmp");
      try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(tmp))) {
        out.writeObject(files);
      }
      Files.move(tmp, Path.of(args[3]));
    }
  }
}
