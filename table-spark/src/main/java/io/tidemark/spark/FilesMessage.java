package io.tidemark.spark;

import io.tidemark.core.DataFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/** What a task wrote: the descriptions of its data files, which the driver commits. */
record FilesMessage(ArrayList<DataFile> files) implements WriterCommitMessage {
  static FilesMessage of(List<DataFile> files) {
    return new FilesMessage(new ArrayList<>(files));
  }

  /** Every file of the tasks' messages (Spark leaves null for a task that sent none). */
  static List<DataFile> filesOf(WriterCommitMessage[] messages) {
    List<DataFile> out = new ArrayList<>();
    for (WriterCommitMessage m : messages) {
      if (m instanceof FilesMessage f) {
        out.addAll(f.files());
      }
    }
    return out;
  }
}
