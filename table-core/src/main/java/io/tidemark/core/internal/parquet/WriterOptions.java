package io.tidemark.core.internal.parquet;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Options for writing data files.
 *
 * @param targetFileSizeBytes a file is closed and a new one started once its size reaches this
 *     (checked every few hundred records, so files can be a little larger); must be positive
 * @param compression the Parquet codec: {@code snappy}, {@code zstd}, {@code gzip},
 *     {@code lz4_raw} or {@code uncompressed}, in any case; held in lower case
 */
public record WriterOptions(long targetFileSizeBytes, String compression) {
  /** The default target size: 128 MiB. */
  public static final long DEFAULT_TARGET_FILE_SIZE = 128L << 20;
  /** Table property holding the target file size in bytes. */
  public static final String TARGET_FILE_SIZE_PROPERTY = "write.target-file-size-bytes";
  /** The codec when the table names none. */
  public static final String DEFAULT_COMPRESSION = "snappy";
  /** Table property holding the compression codec. */
  public static final String COMPRESSION_PROPERTY = "write.parquet.compression";

  /**
   * Checks the size and the codec name.
   *
   * @throws InvalidArgumentException when the size is not positive or the codec is not one of the five
   */
  public WriterOptions {
    if (targetFileSizeBytes <= 0) {
      throw new InvalidArgumentException("target file size must be positive, was " + targetFileSizeBytes);
    }
    if (compression == null) {
      throw new InvalidArgumentException("compression must be one of snappy, zstd, gzip, lz4_raw, uncompressed; was null");
    }
    compression = compression.toLowerCase(Locale.ROOT);
    codecOf(compression);
  }

  /** 128 MiB files, snappy. */
  public static WriterOptions defaults() {
    return new WriterOptions(DEFAULT_TARGET_FILE_SIZE, DEFAULT_COMPRESSION);
  }

  /**
   * The options from table properties {@code write.target-file-size-bytes} (default 128 MiB) and
   * {@code write.parquet.compression} (default snappy).
   *
   * @throws InvalidArgumentException naming the property when a value is not valid
   */
  public static WriterOptions fromProperties(Map<String, String> properties) {
    String size = properties.get(TARGET_FILE_SIZE_PROPERTY);
    long target = DEFAULT_TARGET_FILE_SIZE;
    if (size != null) {
      try {
        target = Long.parseLong(size.trim());
      } catch (NumberFormatException e) {
        target = -1;
      }
      if (target <= 0) {
        throw new InvalidArgumentException("table property " + TARGET_FILE_SIZE_PROPERTY
            + " must be a positive number of bytes, was '" + size + "'");
      }
    }
    String compression = properties.getOrDefault(COMPRESSION_PROPERTY, DEFAULT_COMPRESSION);
    try {
      return new WriterOptions(target, compression);
    } catch (InvalidArgumentException e) {
      throw new InvalidArgumentException("table property " + COMPRESSION_PROPERTY + ": " + e.getMessage(), e);
    }
  }

  /** The Parquet codec for {@link #compression()}. */
  CompressionCodecName codec() {
    return codecOf(compression);
  }

  private static CompressionCodecName codecOf(String name) {
    switch (name) {
      case "snappy":
        return CompressionCodecName.SNAPPY;
      case "zstd":
        return CompressionCodecName.ZSTD;
      case "gzip":
        return CompressionCodecName.GZIP;
      case "lz4_raw":
        return CompressionCodecName.LZ4_RAW;
      case "uncompressed":
        return CompressionCodecName.UNCOMPRESSED;
      default:
        throw new InvalidArgumentException("unknown compression '" + name
            + "'; use one of snappy, zstd, gzip, lz4_raw, uncompressed");
    }
  }
}
