package io.tidemark.core.internal.commit;

import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.core.io.OutputFile;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Local storage whose commit writes and reads can be made to fail, to test ambiguous outcomes. */
final class FlakyFileIO implements FileIO {
  /** Runs before a failing exclusive create (to let a rival commit win, say). */
  interface Hook {
    void run() throws IOException;
  }

  private final LocalFileIO local = new LocalFileIO();
  final AtomicInteger failCreateAfterWrite = new AtomicInteger();
  final AtomicInteger failCreateBeforeWrite = new AtomicInteger();
  final AtomicInteger failReads = new AtomicInteger();
  volatile Hook beforeFailingCreate = () -> { };
  final AtomicInteger creates = new AtomicInteger();

  @Override
  public InputFile newInputFile(String location) {
    return local.newInputFile(location);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return local.newOutputFile(location);
  }

  @Override
  public boolean createExclusive(String location, byte[] content) throws IOException {
    creates.incrementAndGet();
    if (failCreateBeforeWrite.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      beforeFailingCreate.run();
      throw new IOException("simulated: connection reset before the request was sent");
    }
    if (failCreateAfterWrite.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      beforeFailingCreate.run();
      local.createExclusive(location, content);
      throw new IOException("simulated: timed out waiting for the response");
    }
    return local.createExclusive(location, content);
  }

  @Override
  public Optional<byte[]> readIfExists(String location) throws IOException {
    if (failReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IOException("simulated: read failed");
    }
    return local.readIfExists(location);
  }

  @Override
  public List<FileEntry> list(String prefix, String startAfter) throws IOException {
    return local.list(prefix, startAfter);
  }

  @Override
  public void delete(String location) throws IOException {
    local.delete(location);
  }
}
