package io.tidemark.core;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalConcurrentAppendTest extends ConcurrentAppendSuite {
  @TempDir
  Path dir;

  @Override
  protected TestStorage storage() {
    return new LocalTestStorage(dir);
  }
}
