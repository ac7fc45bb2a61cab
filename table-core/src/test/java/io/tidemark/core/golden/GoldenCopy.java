package io.tidemark.core.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies a golden table out of {@code testdata/} so that tests never change the original. */
final class GoldenCopy {
  private GoldenCopy() {}

  /** Copies {@code testdata/golden/<name>} into {@code dir} and returns the copy's location. */
  static Path of(String name, Path dir) throws IOException {
    Path golden = Path.of("..", "testdata", "golden", name);
    Path target = dir.resolve(name);
    try (Stream<Path> files = Files.walk(golden)) {
      for (Path source : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
        Path dest = target.resolve(golden.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest);
        }
      }
    }
    return target;
  }
}
