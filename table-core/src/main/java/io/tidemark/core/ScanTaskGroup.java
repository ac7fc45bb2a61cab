package io.tidemark.core;

import io.tidemark.spec.error.InvalidArgumentException;
import java.io.Serializable;
import java.util.List;

/**
 * Scan tasks combined into one unit of work of about a target size, so that many small files do
 * not each cost a worker task of their own. Immutable and {@link Serializable}; read it with
 * {@link ScanTasks#open(io.tidemark.core.io.FileIO, ScanTaskGroup)}.
 *
 * @param tasks the tasks, all of one scan, read in this order
 */
public record ScanTaskGroup(List<ScanTask> tasks) implements Serializable {
  /** Checks that the tasks are of one scan and copies the list. */
  public ScanTaskGroup {
    tasks = List.copyOf(tasks);
    if (tasks.isEmpty()) {
      throw new InvalidArgumentException("a scan task group needs at least one task");
    }
    for (ScanTask t : tasks) {
      if (!t.sameReadAs(tasks.get(0))) {
        throw new InvalidArgumentException("scan tasks of different scans cannot be grouped: " + tasks.get(0)
            + " and " + t);
      }
    }
  }

  /** The bytes of the ranges the tasks read. */
  public long sizeBytes() {
    return tasks.stream().mapToLong(ScanTask::length).sum();
  }

  /** The rows the tasks are expected to read before filtering. */
  public long estimatedRecordCount() {
    return tasks.stream().mapToLong(ScanTask::estimatedRecordCount).sum();
  }
}
