package io.tidemark.core.internal.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.core.internal.io.StorageErrors;
import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.internal.log.LogFiles;
import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.spec.checkpoint.Checkpoint;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.json.CheckpointCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, reads and writes checkpoints of one table. Checkpoints and the {@code _last_checkpoint}
 * hint are derived data: anything missing or damaged here is logged and skipped, and the caller
 * falls back to an older checkpoint or to the log.
 */
public final class CheckpointStore {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Name of the hint file in {@code _log/}. */
  public static final String HINT = "_last_checkpoint";

  private final FileIO io;
  private final String tableLocation;

  /** A store for the table at this location. */
  public CheckpointStore(FileIO io, String tableLocation) {
    this.io = io;
    this.tableLocation = tableLocation;
  }

  private String logPrefix() {
    return TableLocations.logPrefix(tableLocation);
  }

  /** The full location of the checkpoint file of a version. */
  public String location(long version) {
    return logPrefix() + LogFiles.checkpointFileName(version);
  }

  /**
   * The newest readable checkpoint at or before a version: the hint's when it qualifies, else
   * the newest listed that reads correctly.
   */
  public Optional<Checkpoint> newestAtOrBefore(long version) {
    return newestAtOrBefore(version, cp -> true);
  }

  /**
   * The newest readable checkpoint at or before a version that passes a test (a caller's
   * knowledge that some checkpoints are unusable): the hint's when it qualifies, else the newest
   * listed that reads correctly and passes.
   */
  public Optional<Checkpoint> newestAtOrBefore(long version, Predicate<Checkpoint> usable) {
    Optional<Long> hinted = readHint();
    if (hinted.isPresent() && hinted.get() <= version) {
      Optional<Checkpoint> cp = read(hinted.get()).filter(usable);
      if (cp.isPresent()) {
        return cp;
      }
    }
    for (long v : listVersions(version)) {
      if (hinted.isPresent() && v == hinted.get()) {
        continue; // tried above
      }
      Optional<Checkpoint> cp = read(v).filter(usable);
      if (cp.isPresent()) {
        return cp;
      }
    }
    return Optional.empty();
  }

  /** The version the {@value #HINT} file names, or empty when it is missing or unreadable. */
  public Optional<Long> hintedVersion() {
    return readHint();
  }

  /** Versions that have a checkpoint file, at or before a version, newest first. */
  List<Long> listVersions(long atOrBefore) {
    List<Long> versions = new ArrayList<>();
    try {
      for (FileEntry e : io.list(logPrefix(), null)) {
        long v = LogFiles.parseCheckpointVersion(e.name());
        if (v >= 0 && v <= atOrBefore) {
          versions.add(v);
        }
      }
    } catch (IOException e) {
      throw StorageErrors.failed("cannot list", logPrefix(), e);
    }
    versions.sort(Collections.reverseOrder());
    return versions;
  }

  /** The checkpoint of a version, or empty when it is missing or damaged (logged). */
  public Optional<Checkpoint> read(long version) {
    String file = LogFiles.LOG_DIR + LogFiles.checkpointFileName(version);
    try {
      Optional<byte[]> bytes = io.readIfExists(location(version));
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      Checkpoint cp = CheckpointCodec.decode(file, bytes.get());
      if (cp.version() != version) {
        LOG.warn("ignoring checkpoint {}: it describes version {}", file, cp.version());
        return Optional.empty();
      }
      return Optional.of(cp);
    } catch (IOException | TidemarkException e) {
      LOG.warn("ignoring checkpoint {} of {}: {}", file, tableLocation, e.getMessage());
      return Optional.empty();
    }
  }

  /** The version the hint names, or empty when there is no readable hint. */
  Optional<Long> readHint() {
    try {
      Optional<byte[]> bytes = io.readIfExists(logPrefix() + HINT);
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      JsonNode node = JSON.readTree(bytes.get());
      if (node != null && node.path("version").canConvertToLong()) {
        return Optional.of(node.get("version").longValue());
      }
    } catch (StorageException e) {
      // the storage refused outright (access denied, no such bucket): every other read would be
      // refused too, so say it once instead of warning here and failing on the next request
      throw e;
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring unreadable {} of {}: {}", HINT, tableLocation, e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * Writes a checkpoint file unless one exists for its version, then points the hint at it when
   * it is newer than the hint's.
   */
  public void write(Checkpoint checkpoint) throws IOException {
    io.createExclusive(location(checkpoint.version()), CheckpointCodec.encode(checkpoint));
    Optional<Long> hinted = readHint();
    if (hinted.isEmpty() || hinted.get() < checkpoint.version()) {
      String hint = "{\"version\":" + checkpoint.version() + ",\"numFiles\":" + checkpoint.fileCount()
          + ",\"numManifests\":" + checkpoint.manifests().size() + "}\n";
      try (OutputStream out = io.newOutputFile(logPrefix() + HINT).createOrOverwrite()) {
        out.write(hint.getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
