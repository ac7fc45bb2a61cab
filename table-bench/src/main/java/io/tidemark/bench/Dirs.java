package io.tidemark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicInteger;

/** The benchmark's scratch directory: every table and file goes under it; deleted at the end. */
final class Dirs {
  private final Path root;
  private final AtomicInteger counter = new AtomicInteger();

  Dirs(Path root) {
    this.root = root;
  }

  /** Creates a fresh scratch directory under {@code parent}. */
  static Dirs create(Path parent) throws IOException {
    Files.createDirectories(parent);
    return new Dirs(Files.createTempDirectory(parent, "tidemark-bench-"));
  }

  Path root() {
    return root;
  }

  /** A new, not yet existing, path under the scratch directory. */
  Path fresh(String name) {
    return root.resolve(name + "-" + counter.incrementAndGet());
  }

  /** Deletes a directory tree; a missing one is fine. */
  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
          if (exc instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw exc;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** Deletes the whole scratch directory. */
  void deleteAll() {
    delete(root);
  }
}
