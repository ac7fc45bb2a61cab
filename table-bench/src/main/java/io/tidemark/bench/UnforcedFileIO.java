package io.tidemark.bench;

import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.ForwardingFileIO;
import io.tidemark.core.io.OutputFile;
import io.tidemark.core.io.PositionOutputStream;
import io.tidemark.core.io.SupportsDeferredForce;
import java.io.IOException;

/**
 * Storage whose new files are never forced to the device: {@link WriteBreakdown}'s way to measure
 * what fsync costs a writer. Not safe for tables anyone keeps.
 */
final class UnforcedFileIO extends ForwardingFileIO {
  UnforcedFileIO(FileIO delegate) {
    super(delegate);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    OutputFile file = super.newOutputFile(location);
    return new OutputFile() {
      @Override
      public String location() {
        return file.location();
      }

      @Override
      public PositionOutputStream create() throws IOException {
        // storage without deferred forcing has nothing to skip
        return file instanceof SupportsDeferredForce deferred ? deferred.createUnforced() : file.create();
      }

      @Override
      public PositionOutputStream createOrOverwrite() throws IOException {
        return file.createOrOverwrite();
      }
    };
  }
}
