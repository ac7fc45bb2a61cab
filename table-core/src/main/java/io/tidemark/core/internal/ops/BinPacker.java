package io.tidemark.core.internal.ops;

import io.tidemark.spec.actions.AddFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Packs files into groups of at most a target size: first fit, largest files first. */
final class BinPacker {
  private BinPacker() {}

  /** The groups of at least {@code minFiles} files; files in no such group are left out. */
  static List<List<AddFile>> pack(List<AddFile> files, long target, int minFiles) {
    List<AddFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparingLong(AddFile::size).reversed().thenComparing(AddFile::path));
    List<List<AddFile>> bins = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (AddFile f : sorted) {
      int chosen = -1;
      for (int i = 0; i < bins.size(); i++) {
        if (sizes.get(i) + f.size() <= target) {
          chosen = i;
          break;
        }
      }
      if (chosen < 0) {
        bins.add(new ArrayList<>());
        sizes.add(0L);
        chosen = bins.size() - 1;
      }
      bins.get(chosen).add(f);
      sizes.set(chosen, sizes.get(chosen) + f.size());
    }
    bins.removeIf(b -> b.size() < minFiles);
    return bins;
  }
}
