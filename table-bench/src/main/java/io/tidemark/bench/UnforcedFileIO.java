package io.tidemark.bench;

import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.ForwardingFileIO;
import io.tidemark.core.io.OutputFile;
import java.io.IOException;
import org.apache.parquet.io.PositionOutputStream;

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
      public PositionOutputStream create(long blockSizeHint) throws IOException {
        return file.createUnforced(blockSizeHint);
      }

      @Override
      public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return file.createOrOverwrite(blockSizeHint);
      }
    };
  }
}
