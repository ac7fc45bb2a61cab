package io.tidemark.core.internal.deletes;

import io.tidemark.core.internal.io.TableLocations;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.SeekableInputStream;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.DeletionVector;
import io.tidemark.spec.error.MissingDataFileException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.TidemarkException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The deletion vector blob of spec.md section 4.7: magic {@code TMDV}, format version 1, the
 * length of the bitmap, the bitmap in the 64-bit portable Roaring serialization, and the CRC-32
 * of the bitmap bytes. Vectors whose blob is small stay inline in the log; others go to a file of
 * their own next to their data file, written by create-if-absent (durable before the commit).
 */
public final class DeletionVectors {
  /** Blobs up to this many bytes are held inline in the log (spec.md section 4.7). */
  public static final int INLINE_MAX_BYTES = 256;
  /** The suffix of deletion vector files. */
  public static final String FILE_SUFFIX = ".dv";

  private static final byte[] MAGIC = {'T', 'M', 'D', 'V'};
  private static final int FORMAT_VERSION = 1;
  private static final int HEADER_BYTES = 12;
  private static final int TRAILER_BYTES = 4;

  private DeletionVectors() {}

  /** The blob of a set of positions. */
  public static byte[] encode(Roaring64NavigableMap positions) {
    positions.runOptimize();
    ByteArrayOutputStream bitmap = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bitmap)) {
      positions.serializePortable(out);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
    byte[] bits = bitmap.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bits);
    return ByteBuffer.allocate(HEADER_BYTES + bits.length + TRAILER_BYTES).put(MAGIC).putInt(FORMAT_VERSION)
        .putInt(bits.length).put(bits).putInt((int) crc.getValue()).array();
  }

  /**
   * The positions a blob holds, checked against what the log says of it.
   *
   * @param recordCount the rows of the data file: every position must be below it
   * @param where names the vector in errors
   * @throws StorageException when the blob is damaged or disagrees with the log
   */
  public static Roaring64NavigableMap decode(byte[] blob, long cardinality, long recordCount, String where) {
    if (blob.length < HEADER_BYTES + TRAILER_BYTES || !Arrays.equals(blob, 0, 4, MAGIC, 0, 4)) {
      throw damaged(where, "it does not start with the magic TMDV");
    }
    ByteBuffer buf = ByteBuffer.wrap(blob);
    buf.position(4);
    int version = buf.getInt();
    if (version != FORMAT_VERSION) {
      throw damaged(where, "it has format version " + version + "; this library reads version " + FORMAT_VERSION);
    }
    int length = buf.getInt();
    if (length < 0 || length != blob.length - HEADER_BYTES - TRAILER_BYTES) {
      throw damaged(where, "its bitmap length " + length + " does not fit its size " + blob.length);
    }
    CRC32 crc = new CRC32();
    crc.update(blob, HEADER_BYTES, length);
    if ((int) crc.getValue() != ByteBuffer.wrap(blob, HEADER_BYTES + length, TRAILER_BYTES).getInt()) {
      throw damaged(where, "its checksum does not match");
    }
    Roaring64NavigableMap positions = new Roaring64NavigableMap();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob, HEADER_BYTES, length))) {
      positions.deserializePortable(in);
    } catch (IOException | RuntimeException e) {
      throw damaged(where, "its bitmap cannot be read: " + e);
    }
    if (positions.getLongCardinality() != cardinality) {
      throw damaged(where, "it holds " + positions.getLongCardinality() + " positions where the log says "
          + cardinality);
    }
    if (!positions.isEmpty() && (positions.getReverseLongIterator().next() >= recordCount
        || positions.getLongIterator().next() < 0)) {
      throw damaged(where, "it holds a position outside the file's " + recordCount + " rows");
    }
    return positions;
  }

  /**
   * The deleted positions of a live file, or null when it has no vector.
   *
   * @param inputs opens a file by its path relative to the table root
   * @param version the version read, named when the vector's file is gone
   */
  public static Roaring64NavigableMap load(Function<String, InputFile> inputs, AddFile file, long version) {
    return load(inputs, file.path(), file.deletionVector(), file.recordCount(), version);
  }

  /** Like {@link #load(Function, AddFile, long)}, from the parts a scan task carries. */
  public static Roaring64NavigableMap load(Function<String, InputFile> inputs, String dataPath, DeletionVector dv,
      long recordCount, long version) {
    if (dv == null) {
      return null;
    }
    String where = "the deletion vector of " + dataPath + (dv.isInline() ? " (inline)" : " in " + dv.path());
    byte[] blob = dv.isInline() ? dv.inlineBytes() : read(inputs, dv, version);
    return decode(blob, dv.cardinality(), recordCount, where);
  }

  private static byte[] read(Function<String, InputFile> inputs, DeletionVector dv, long version) {
    if (dv.size() > Integer.MAX_VALUE - 16) {
      throw damaged("deletion vector " + dv.path(), "its size " + dv.size() + " is too large");
    }
    byte[] blob = new byte[(int) dv.size()];
    InputFile in = inputs.apply(dv.path());
    try (SeekableInputStream stream = in.newStream()) {
      stream.seek(dv.offset());
      stream.readFully(blob);
    } catch (TidemarkException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      StorageException failure = new StorageException("cannot read deletion vector " + in.location() + ": " + e, e);
      if (MissingDataFileException.isNotFound(failure)) {
        throw MissingDataFileException.scanning(dv.path(), version, failure);
      }
      throw failure;
    }
    return blob;
  }

  /**
   * Stores a set of positions for a data file: inline when small, else in a new file beside it.
   *
   * @param dataPath the data file's path relative to the table root
   * @param written receives the location of a file written, so that a failed commit can delete it
   */
  public static DeletionVector write(FileIO io, TableLocations locations, String dataPath,
      Roaring64NavigableMap positions, java.util.function.Consumer<String> written) {
    byte[] blob = encode(positions);
    long cardinality = positions.getLongCardinality();
    if (blob.length <= INLINE_MAX_BYTES) {
      return DeletionVector.inline(blob, cardinality);
    }
    int slash = dataPath.lastIndexOf('/');
    String path = (slash <= 0 ? "data" : dataPath.substring(0, slash)) + "/" + UUID.randomUUID() + FILE_SUFFIX;
    String location = locations.resolveInside(path);
    try {
      if (!io.createExclusive(location, blob)) {
        throw new StorageException("cannot write deletion vector " + location + ": it exists already", null);
      }
    } catch (IOException e) {
      throw new StorageException("cannot write deletion vector " + location + ": " + e.getMessage(), e);
    }
    written.accept(location);
    return DeletionVector.inFile(path, 0, blob.length, cardinality);
  }

  private static StorageException damaged(String where, String why) {
    return new StorageException(where + " is damaged: " + why, null);
  }
}
