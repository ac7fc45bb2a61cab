package io.tidemark.core.io;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Local storage that counts reads by kind of file, so tests assert I/O instead of timing it. */
public final class CountingFileIO extends ForwardingFileIO {
  private final Map<String, AtomicLong> reads = new ConcurrentHashMap<>();

  /** Counting reads of local files. */
  public CountingFileIO() {
    super(new LocalFileIO());
  }

  /** The kind of a location: commit, checkpoint, hint, manifest, data or other. */
  public static String kind(String location) {
    String name = location.substring(location.lastIndexOf('/') + 1);
    if (location.contains("/_manifests/")) {
      return "manifest";
    } else if (name.endsWith(".checkpoint.json")) {
      return "checkpoint";
    } else if (name.equals("_last_checkpoint")) {
      return "hint";
    } else if (location.contains("/_log/") && name.endsWith(".json")) {
      return "commit";
    } else if (location.contains("/data/")) {
      return "data";
    }
    return "other";
  }

  /** Reads of files of a kind since the last reset (input files opened and whole-file reads). */
  public long reads(String kind) {
    AtomicLong n = reads.get(kind);
    return n == null ? 0 : n.get();
  }

  /** Forgets the counts. */
  public void reset() {
    reads.clear();
  }

  private void count(String location) {
    reads.computeIfAbsent(kind(location), k -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public InputFile newInputFile(String location) {
    count(location);
    return delegate().newInputFile(location);
  }

  @Override
  public Optional<byte[]> readIfExists(String location) throws IOException {
    count(location);
    return delegate().readIfExists(location);
  }

  @Override
  public List<FileEntry> list(String prefix, String startAfter) throws IOException {
    reads.computeIfAbsent("list", k -> new AtomicLong()).incrementAndGet();
    return delegate().list(prefix, startAfter);
  }
}
