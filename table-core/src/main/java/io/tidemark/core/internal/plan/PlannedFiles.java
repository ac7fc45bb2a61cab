package io.tidemark.core.internal.plan;

import io.tidemark.spec.actions.AddFile;
import java.util.List;

/**
 * The files a scan must read and what planning looked at.
 *
 * @param files the files that may hold matching rows
 * @param manifestsTotal manifests in the snapshot's checkpoint
 * @param manifestsRead manifests whose bounds could not rule them out, and so were read
 * @param filesTotal live files in the snapshot
 * @param bytesToRead the size of the matched files
 * @param planningNanos how long planning took
 */
public record PlannedFiles(List<AddFile> files, long manifestsTotal, long manifestsRead, long filesTotal,
    long bytesToRead, long planningNanos) {
  /** Copies the list. */
  public PlannedFiles {
    files = List.copyOf(files);
  }
}
