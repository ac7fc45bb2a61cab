package io.tidemark.s3;

import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.OutputFile;
import io.tidemark.core.io.SupportsBulkDelete;
import io.tidemark.spec.error.StorageException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Tables on AWS S3, MinIO or any S3-compatible store, through AWS SDK v2's synchronous
 * {@link S3Client}. Locations are {@code s3://bucket/key} ({@code s3a://} is accepted too).
 *
 * <ul>
 *   <li>A commit is {@code PutObject} with {@code If-None-Match: *}: 412 means another writer
 *       created the file first ({@code false}); 409 {@code ConditionalRequestConflict} is retried;
 *       a timeout, connection error or 5xx is reported as an {@link IOException}, which the
 *       committer settles by reading the file back. {@code If-Match} is never used.</li>
 *   <li>Files are written with multipart upload in parts of bounded size (8 MiB by default; a
 *       smaller file is one {@code PutObject}); a failed upload is aborted, leaving no parts.</li>
 *   <li>Files are read with ranged GETs of exactly the bytes asked for, the footer first.</li>
 *   <li>Throttling and 5xx answers are retried with exponential backoff and jitter.</li>
 *   <li>Refusals that retrying will not fix (403, missing bucket, ...) raise
 *       {@link S3StorageException} naming the bucket and key.</li>
 * </ul>
 *
 * <p>Thread-safe. Build one per process and share it.
 */
public final class S3FileIO implements FileIO, SupportsBulkDelete {
  /** Default size of the parts of a multipart upload, and the largest file written with one PUT. */
  public static final int DEFAULT_PART_SIZE = 8 << 20;
  /** The smallest part size S3 accepts (every part but the last must be at least this large). */
  public static final int MIN_PART_SIZE = 5 << 20;

  private final S3Client client;
  private volatile boolean closed;
  private final boolean ownsClient;
  private final int partSize;

  /**
   * A file IO on a client the caller configured (endpoint, region, credentials, path style,
   * retries). The client stays the caller's: {@link #close()} does not close it.
   */
  public S3FileIO(S3Client client) {
    this(client, false, DEFAULT_PART_SIZE);
  }

  S3FileIO(S3Client client, boolean ownsClient, int partSize) {
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
    this.partSize = partSize;
  }

  /** A builder whose every setting defaults to the AWS SDK's own configuration. */
  public static Builder builder() {
    return new Builder(ClientSettings.DEFAULT);
  }

  S3Client client() {
    return client;
  }

  /**
   * The client, or a typed error once this file IO is closed: the SDK's own error for a closed
   * client ("connection pool shut down") names neither Tidemark nor the cause.
   */
  private S3Client openClient() {
    if (closed) {
      throw new StorageException("the S3 storage was closed (by its table's or its owner's close()); "
          + "open the table again to go on", null);
    }
    return client;
  }

  @Override
  public InputFile newInputFile(String location) {
    return new S3InputFile(openClient(), S3Location.parse(location), location);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new S3OutputFile(openClient(), S3Location.parse(location), location, partSize);
  }

  @Override
  public boolean createExclusive(String location, byte[] content) throws IOException {
    return ExclusiveCreate.put(openClient(), S3Location.parse(location), content);
  }

  @Override
  public Optional<byte[]> readIfExists(String location) throws IOException {
    S3Location loc = S3Location.parse(location);
    S3Client s3 = openClient();
    return Retries.idempotent("read", loc, () -> {
      try {
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(loc.bucket()).key(loc.key()));
        return Optional.of(bytes.asByteArrayUnsafe());
      } catch (SdkException e) {
        if (S3Errors.isNotFound(e)) {
          return Optional.empty();
        }
        throw e;
      }
    });
  }

  /**
   * Lists with {@code ListObjectsV2}, from {@code startAfter} on when it is given (so listing the
   * tail of a log costs one request, not a full listing), in S3's key order. Keys ending in
   * {@code /} (folder markers) are skipped.
   */
  @Override
  public List<FileEntry> list(String prefix, String startAfter) throws IOException {
    return S3Listing.list(openClient(), S3Location.parse(prefix), startAfter == null ? null : S3Location.parse(startAfter));
  }

  @Override
  public void delete(String location) throws IOException {
    S3Location loc = S3Location.parse(location);
    S3Client s3 = openClient();
    Retries.idempotent("delete", loc, () -> {
      try {
        return s3.deleteObject(b -> b.bucket(loc.bucket()).key(loc.key()));
      } catch (SdkException e) {
        if (S3Errors.isNotFound(e)) {
          return null;
        }
        throw e;
      }
    });
  }

  /**
   * Deletes with {@code DeleteObjects}, up to 1000 keys per request, retrying keys that failed
   * transiently. Files that do not exist are not an error.
   *
   * @return the files S3 refused to delete, each with its error code and message
   * @throws IOException when a request failed as a whole (some files may be deleted)
   */
  @Override
  public Map<String, String> deleteFiles(Collection<String> locations) throws IOException {
    List<S3Location> parsed = new ArrayList<>(locations.size());
    for (String location : locations) {
      parsed.add(S3Location.parse(location));
    }
    return S3Listing.deleteAll(openClient(), parsed);
  }

  /**
   * Closes the client when this file IO built it. Either way, this file IO then refuses further
   * use with a {@link StorageException}.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsClient) {
      client.close();
    }
  }

  /**
   * Settings of an {@link S3FileIO}; immutable, every setter returns a new builder. What is not
   * set comes from the AWS SDK's own resolution: region from {@code AWS_REGION} or the profile
   * (else {@code us-east-1}, with cross-region access), credentials from the default chain
   * ({@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}, profiles, instance roles),
   * endpoint from {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}.
   */
  public static final class Builder {
    private final ClientSettings settings;

    Builder(ClientSettings settings) {
      this.settings = settings;
    }

    /** The region, e.g. {@code eu-west-1}. */
    public Builder region(String region) {
      return region(Region.of(region));
    }

    /** The region. */
    public Builder region(Region region) {
      return new Builder(settings.withRegion(Objects.requireNonNull(region, "region")));
    }

    /**
     * A custom endpoint such as {@code http://localhost:9000} (MinIO). Path-style addressing is
     * then used unless {@link #pathStyle(boolean)} says otherwise.
     */
    public Builder endpoint(URI endpoint) {
      return new Builder(settings.withEndpoint(Objects.requireNonNull(endpoint, "endpoint")));
    }

    /** Path-style ({@code http://host/bucket/key}) rather than virtual-host addressing. */
    public Builder pathStyle(boolean pathStyle) {
      return new Builder(settings.withPathStyle(pathStyle));
    }

    /** The credentials, e.g. {@code StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret))}. */
    public Builder credentials(AwsCredentialsProvider credentials) {
      return new Builder(settings.withCredentials(Objects.requireNonNull(credentials, "credentials")));
    }

    /**
     * The size of multipart upload parts, which bounds the memory a file being written holds
     * (default {@value S3FileIO#DEFAULT_PART_SIZE} bytes, at least {@value S3FileIO#MIN_PART_SIZE}).
     */
    public Builder partSize(int bytes) {
      if (bytes < MIN_PART_SIZE) {
        throw new IllegalArgumentException("part size must be at least " + MIN_PART_SIZE + " bytes: " + bytes);
      }
      return new Builder(settings.withPartSize(bytes));
    }

    /** For tests: the HTTP client to use (the file IO does not close it). */
    Builder httpClient(SdkHttpClient httpClient) {
      return new Builder(settings.withHttpClient(httpClient));
    }

    /** For tests: an interceptor to see or change every request. */
    Builder interceptor(ExecutionInterceptor interceptor) {
      return new Builder(settings.withInterceptor(interceptor));
    }

    ClientSettings settings() {
      return settings;
    }

    /** Builds the client and the file IO; closing the file IO closes the client. */
    public S3FileIO build() {
      return new S3FileIO(ClientFactory.create(settings), true,
          settings.partSize());
    }
  }
}
