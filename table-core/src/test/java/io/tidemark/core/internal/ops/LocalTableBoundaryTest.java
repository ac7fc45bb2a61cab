package io.tidemark.core.internal.ops;

import io.tidemark.core.LocalTestStorage;
import io.tidemark.core.TestStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The boundary suite on local disk. */
class LocalTableBoundaryTest extends TableBoundarySuite {
  @TempDir
  Path dir;

  @Override
  protected TestStorage storage() {
    return new LocalTestStorage(dir);
  }
}
