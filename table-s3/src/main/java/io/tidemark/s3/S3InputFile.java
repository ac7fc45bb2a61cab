package io.tidemark.s3;

import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.SeekableInputStream;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 object to read. Its length comes from a GET of its last {@value #TAIL_BYTES} bytes (the
 * answer's {@code Content-Range} names the total), which is where Parquet looks first: the footer
 * then costs no further request. Streams share that tail.
 */
final class S3InputFile implements InputFile {
  static final int TAIL_BYTES = 64 * 1024;

  private final ObjectReader reader;
  private final String location;
  private volatile ObjectReader.Tail tail;

  S3InputFile(S3Client client, S3Location loc, String location) {
    this.reader = new ObjectReader(client, loc);
    this.location = location;
  }

  @Override
  public String location() {
    return location;
  }

  private ObjectReader.Tail tail() throws IOException {
    ObjectReader.Tail t = tail;
    if (t == null) {
      t = reader.tail(TAIL_BYTES);
      tail = t;
    }
    return t;
  }

  @Override
  public long getLength() throws IOException {
    return tail().length();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new S3InputStream(reader, tail());
  }

  @Override
  public String toString() {
    return location;
  }
}
