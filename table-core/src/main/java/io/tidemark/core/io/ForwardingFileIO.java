package io.tidemark.core.io;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link FileIO} that hands every call to another, for decorators (counting, tracing, fault
 * injection) that override only what they change. It forwards {@link #stage} (through
 * {@link FileIOs#stage}) and the optional
 * capabilities too ({@link SupportsBulkDelete}; when the delegate lacks it, one {@link #delete}
 * per file), so a decorated storage keeps its cheap paths. A decorator that counts or changes
 * deletes overrides {@link #deleteFiles} as well as {@link #delete}.
 */
public abstract class ForwardingFileIO implements FileIO, SupportsBulkDelete, SupportsStagedCreate {
  private final FileIO delegate;

  /** A file IO forwarding to {@code delegate}. */
  protected ForwardingFileIO(FileIO delegate) {
    this.delegate = delegate;
  }

  /** The file IO calls are forwarded to. */
  protected final FileIO delegate() {
    return delegate;
  }

  @Override
  public String tableRoot(String location) {
    return delegate.tableRoot(location);
  }

  @Override
  public void checkWithin(String root, String location) throws IOException {
    delegate.checkWithin(root, location);
  }

  @Override
  public InputFile newInputFile(String location) {
    return delegate.newInputFile(location);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return delegate.newOutputFile(location);
  }

  @Override
  public boolean createExclusive(String location, byte[] content) throws IOException {
    return delegate.createExclusive(location, content);
  }

  @Override
  public StagedFile stage(String nearLocation, byte[] content) throws IOException {
    return FileIOs.stage(delegate, nearLocation, content);
  }

  @Override
  public Optional<byte[]> readIfExists(String location) throws IOException {
    return delegate.readIfExists(location);
  }

  @Override
  public List<FileEntry> list(String prefix, String startAfter) throws IOException {
    return delegate.list(prefix, startAfter);
  }

  @Override
  public void delete(String location) throws IOException {
    delegate.delete(location);
  }

  @Override
  public Map<String, String> deleteFiles(Collection<String> locations) throws IOException {
    if (delegate instanceof SupportsBulkDelete bulk) {
      return bulk.deleteFiles(locations);
    }
    return FileIOs.deleteOneByOne(this, locations); // through this.delete, which a subclass may override
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
