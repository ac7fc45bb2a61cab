package io.tidemark.s3;

import io.tidemark.core.io.PositionOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Writes an S3 object holding at most one part in memory. Up to one part size, the object is
 * one {@code PutObject} when the stream is closed; beyond, a multipart upload starts and each
 * full part is uploaded as it fills. Closing completes the upload. Any failure aborts the upload,
 * so no parts are left behind, and the stream refuses further use.
 */
final class S3OutputStream extends PositionOutputStream {
  private static final Logger LOG = LoggerFactory.getLogger(S3OutputStream.class);
  static final int MAX_PARTS = 10_000;
  private static final int FIRST_BUFFER = 64 * 1024;

  private final S3Client client;
  private final S3Location loc;
  private final int partSize;
  private byte[] buffer;
  private int count;
  private long position;
  private String uploadId;
  private final List<CompletedPart> parts = new ArrayList<>();
  private boolean closed;
  private IOException failure;

  S3OutputStream(S3Client client, S3Location loc, int partSize) {
    this.client = client;
    this.loc = loc;
    this.partSize = partSize;
    this.buffer = new byte[Math.min(FIRST_BUFFER, partSize)];
  }

  @Override
  public long getPos() {
    return position;
  }

  @Override
  public void write(int b) throws IOException {
    if (failure == null && !closed && count < buffer.length) {
      buffer[count++] = (byte) b;
      position++;
    } else {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    checkWritable();
    while (len > 0) {
      if (count == buffer.length) {
        if (buffer.length < partSize) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, buffer.length * 2L));
        } else {
          uploadPart();
        }
      }
      int n = Math.min(len, buffer.length - count);
      System.arraycopy(b, off, buffer, count, n);
      count += n;
      position += n;
      off += n;
      len -= n;
    }
  }

  /** Nothing to do: S3 has no partial objects; bytes become durable when the stream is closed. */
  @Override
  public void flush() {}

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (failure != null) {
      // the upload was aborted when the failure happened; nothing was written
      throw new IOException("cannot write " + loc + ": writing failed earlier (" + failure.getMessage() + ")", failure);
    }
    try {
      if (uploadId == null) {
        int size = count;
        client.putObject(b -> b.bucket(loc.bucket()).key(loc.key()), body(size));
      } else {
        if (count > 0) {
          uploadPart();
        }
        complete();
      }
    } catch (SdkException e) {
      fail(translated(e));
    } catch (IOException | RuntimeException e) {
      fail(e);
    } finally {
      buffer = null;
    }
  }

  private void uploadPart() throws IOException {
    try {
      if (uploadId == null) {
        uploadId = createUpload();
      }
      int number = parts.size() + 1;
      if (number > MAX_PARTS) {
        throw new IOException("cannot write " + loc + ": more than " + MAX_PARTS + " parts of " + partSize + " bytes");
      }
      String etag = client.uploadPart(b -> b.bucket(loc.bucket()).key(loc.key()).uploadId(uploadId).partNumber(number),
          body(count)).eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      count = 0;
    } catch (SdkException e) {
      fail(translated(e));
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  /**
   * Starts the multipart upload. The SDK does not retry this request: if an answer was lost, the
   * upload it created would be left behind unseen. Retries happen here instead, and after one,
   * uploads of this key other than the one in use are aborted (data file keys are unique, so they
   * can only be this stream's).
   */
  private String createUpload() throws IOException {
    CreateMultipartUploadRequest request = CreateMultipartUploadRequest.builder().bucket(loc.bucket()).key(loc.key())
        .overrideConfiguration(o -> o.addPlugin(Retries.NO_SDK_RETRIES)).build();
    boolean unknown = false;
    for (int attempt = 1; ; attempt++) {
      try {
        String id = client.createMultipartUpload(request).uploadId();
        if (unknown) {
          abortOtherUploads(id);
        }
        return id;
      } catch (SdkException e) {
        int status = S3Errors.status(e);
        boolean retry = status == 0 || status >= 500 || S3Errors.isThrottling(e);
        if (!retry || attempt >= ClientFactory.MAX_ATTEMPTS || e instanceof AbortedException) {
          if (unknown) {
            abortOtherUploads(null);
          }
          throw e;
        }
        unknown = true;
        Retries.pause(attempt, loc);
      }
    }
  }

  private void abortOtherUploads(String keep) {
    try {
      for (MultipartUpload u : client.listMultipartUploadsPaginator(b -> b.bucket(loc.bucket()).prefix(loc.key())).uploads()) {
        if (u.key().equals(loc.key()) && !u.uploadId().equals(keep)) {
          client.abortMultipartUpload(b -> b.bucket(loc.bucket()).key(loc.key()).uploadId(u.uploadId()));
          LOG.debug("aborted upload {} of {} left by an attempt whose answer was lost", u.uploadId(), loc);
        }
      }
    } catch (SdkException e) {
      LOG.warn("could not look for uploads of {} left by a failed attempt; a lifecycle rule can remove them: {}", loc,
          e.getMessage());
    }
  }

  private void complete() throws IOException {
    try {
      client.completeMultipartUpload(b -> b.bucket(loc.bucket()).key(loc.key()).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (SdkException e) {
      if ("NoSuchUpload".equals(S3Errors.code(e)) && landed()) {
        // a retry of a completion whose answer was lost: the first attempt made the object
        LOG.debug("completing {} answered NoSuchUpload, and the object is there with the expected size", loc);
        return;
      }
      throw e;
    }
  }

  /** Whether the object exists with the length written and an ETag of as many parts. */
  private boolean landed() {
    try {
      HeadObjectResponse head = client.headObject(b -> b.bucket(loc.bucket()).key(loc.key()));
      String etag = head.eTag() == null ? "" : head.eTag().replace("\"", "");
      return head.contentLength() == position && (!etag.contains("-") || etag.endsWith("-" + parts.size()));
    } catch (SdkException e) {
      return false;
    }
  }

  /** The buffer's first bytes as a body that can be sent again when the SDK retries. */
  private RequestBody body(int size) {
    byte[] bytes = buffer;
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, size), size,
        "application/octet-stream");
  }

  private Exception translated(SdkException e) {
    try {
      return S3Errors.translate("write", loc, e);
    } catch (S3StorageException definite) {
      return definite;
    }
  }

  /** Aborts the upload once, remembers the failure, and throws it. */
  private void fail(Exception e) throws IOException {
    if (failure == null) {
      failure = e instanceof IOException io ? io : new IOException("cannot write " + loc + ": " + e.getMessage(), e);
      abortUpload();
      buffer = null;
    }
    if (e instanceof RuntimeException r) {
      throw r;
    }
    throw (IOException) e;
  }

  private void abortUpload() {
    if (uploadId == null) {
      return;
    }
    try {
      client.abortMultipartUpload(b -> b.bucket(loc.bucket()).key(loc.key()).uploadId(uploadId));
    } catch (SdkException e) {
      LOG.warn("could not abort the multipart upload {} of {}; a lifecycle rule can remove it: {}", uploadId, loc,
          e.getMessage());
    }
  }

  private void checkWritable() throws IOException {
    if (failure != null) {
      throw new IOException("writing " + loc + " failed earlier: " + failure.getMessage(), failure);
    }
    if (closed) {
      throw new IOException("stream of " + loc + " is closed");
    }
  }
}
