package io.tidemark.core.io;

/** A file to read: Parquet's {@link org.apache.parquet.io.InputFile} that also knows its location. */
public interface InputFile extends org.apache.parquet.io.InputFile {
  /** The file's full location. */
  String location();
}
