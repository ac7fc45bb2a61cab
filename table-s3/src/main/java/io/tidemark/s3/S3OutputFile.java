package io.tidemark.s3;

import io.tidemark.core.io.OutputFile;
import io.tidemark.core.io.PositionOutputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 object to write. S3 has no exclusive create for large uploads that survives a retried
 * request, so {@link #create} and {@link #createOrOverwrite} both write the object when the
 * stream is closed; Tidemark names data files by random UUIDs, and commits go through
 * {@link S3FileIO#createExclusive}, never through here.
 */
final class S3OutputFile implements OutputFile {
  private final S3Client client;
  private final S3Location loc;
  private final String location;
  private final int partSize;

  S3OutputFile(S3Client client, S3Location loc, String location, int partSize) {
    this.client = client;
    this.loc = loc;
    this.location = location;
    this.partSize = partSize;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public PositionOutputStream create() {
    return new S3OutputStream(client, loc, partSize);
  }

  @Override
  public PositionOutputStream createOrOverwrite() {
    return new S3OutputStream(client, loc, partSize);
  }
}
