package io.tidemark.core;

import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.LocalFileIO;
import java.nio.file.Path;

/** Tables under a JUnit temporary directory. */
public final class LocalTestStorage implements TestStorage {
  private final Path root;
  private final LocalFileIO io = new LocalFileIO();

  /** Storage under this directory. */
  public LocalTestStorage(Path root) {
    this.root = root;
  }

  @Override
  public FileIO io() {
    return io;
  }

  @Override
  public String newLocation(String name) {
    return root.resolve(name).toString();
  }
}
