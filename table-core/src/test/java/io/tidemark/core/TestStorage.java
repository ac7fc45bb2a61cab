package io.tidemark.core;

import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Where a storage-independent table test puts its tables: local disk here, S3 in table-s3. The
 * table suites are abstract over it so that one suite runs on every storage.
 */
public interface TestStorage {
  /** The storage. */
  FileIO io();

  /** A fresh location for a table, unique within the test. */
  String newLocation(String name);

  /** Files under a location prefix (e.g. {@code <table>/data/}). */
  default List<FileEntry> list(String prefix) {
    try {
      return io().list(prefix, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
