package io.tidemark.s3;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Ranged GETs of one object. A body that breaks off midway is resumed from where it stopped
 * (the SDK retries failed requests, not streams already handed over).
 */
final class ObjectReader {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectReader.class);
  private static final int RESUMES = 3;

  /** The last bytes of an object and its length. */
  record Tail(byte[] bytes, long length) {
    long start() {
      return length - bytes.length;
    }
  }

  private final S3Client client;
  private final S3Location loc;

  ObjectReader(S3Client client, S3Location loc) {
    this.client = client;
    this.loc = loc;
  }

  S3Location location() {
    return loc;
  }

  /** The object's last {@code maxBytes} bytes (all of it when smaller) and its length: one GET with a suffix range. */
  Tail tail(int maxBytes) throws IOException {
    for (int breaks = 0; ; breaks++) {
      try {
        return tryTail(maxBytes);
      } catch (PartialRead e) {
        if (breaks >= RESUMES) {
          throw new IOException("cannot read the end of " + loc + ": the body broke off " + (breaks + 1) + " times ("
              + e.getMessage() + ")", e.getCause());
        }
        LOG.debug("reading the end of {} broke off ({}); again", loc, e.getMessage());
      }
    }
  }

  private Tail tryTail(int maxBytes) throws IOException {
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = client.getObject(b -> b.bucket(loc.bucket()).key(loc.key()).range("bytes=-" + maxBytes));
    } catch (SdkException e) {
      if (S3Errors.status(e) == 416) {
        return new Tail(new byte[0], head()); // an empty object has no suffix to give
      }
      throw notFoundOr("read", e);
    }
    try (in) {
      GetObjectResponse r = in.response();
      long length = totalLength(r.contentRange());
      if (length < 0) {
        if (r.contentLength() != null && r.contentLength() <= maxBytes) {
          // the server ignored the range; the object is small anyway
          byte[] all = new byte[r.contentLength().intValue()];
          if (readInto(in, all, 0, all.length) != all.length) {
            throw new EOFException("short read of " + loc);
          }
          return new Tail(all, all.length);
        }
        in.abort();
        long size = head();
        int n = (int) Math.min(size, maxBytes);
        byte[] bytes = new byte[n];
        readFully(size - n, bytes, 0, n);
        return new Tail(bytes, size);
      }
      byte[] bytes = new byte[(int) Math.min(length, maxBytes)];
      try {
        if (readInto(in, bytes, 0, bytes.length) != bytes.length) {
          throw new EOFException("short read of the last " + bytes.length + " bytes of " + loc);
        }
      } catch (PartialRead e) {
        in.abort();
        throw e;
      }
      return new Tail(bytes, length);
    }
  }

  /** The object's length, by HEAD. */
  long head() throws IOException {
    try {
      HeadObjectResponse r = client.headObject(b -> b.bucket(loc.bucket()).key(loc.key()));
      return r.contentLength();
    } catch (SdkException e) {
      throw notFoundOr("read", e);
    }
  }

  /** Reads exactly {@code len} bytes from {@code position} into {@code dst}, in one GET unless the body breaks off. */
  void readFully(long position, byte[] dst, int off, int len) throws IOException {
    int done = 0;
    int breaks = 0;
    while (done < len) {
      long from = position + done;
      ResponseInputStream<GetObjectResponse> in = get(from, position + len - 1);
      try {
        if (from > 0 && rangeStart(in.response().contentRange()) != from) {
          in.abort();
          throw new IOException("cannot read " + loc + " from " + from + ": the server ignored the Range header"
              + " (Content-Range: " + in.response().contentRange() + ")");
        }
        done += readInto(in, dst, off + done, len - done);
        if (done < len) {
          throw new EOFException("object " + loc + " ended at " + (position + done) + ", before " + (position + len));
        }
      } catch (PartialRead e) {
        done += e.bytesRead;
        in.abort();
        if (++breaks > RESUMES) {
          throw new IOException("cannot read " + loc + " from " + from + ": the body broke off " + breaks + " times ("
              + e.getMessage() + ")", e.getCause());
        }
        LOG.debug("reading {} broke off at {} ({}); resuming", loc, position + done, e.getMessage());
      } finally {
        in.close();
      }
    }
  }

  private ResponseInputStream<GetObjectResponse> get(long from, long to) throws IOException {
    try {
      return client.getObject(b -> b.bucket(loc.bucket()).key(loc.key()).range("bytes=" + from + "-" + to));
    } catch (SdkException e) {
      throw notFoundOr("read", e);
    }
  }

  /** Reads until {@code len} bytes or the end of the stream; a failure midway keeps what was read (by counting). */
  private static int readInto(InputStream in, byte[] dst, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int n;
      try {
        n = in.read(dst, off + done, len - done);
      } catch (IOException e) {
        throw new PartialRead(done, e);
      }
      if (n < 0) {
        break;
      }
      done += n;
    }
    return done;
  }

  /** Parses the start of {@code bytes 100-199/1234}; -1 when absent. */
  static long rangeStart(String contentRange) {
    if (contentRange == null) {
      return -1;
    }
    int space = contentRange.indexOf(' ');
    int dash = contentRange.indexOf('-');
    try {
      return dash > space ? Long.parseLong(contentRange.substring(space + 1, dash).strip()) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Parses the total of {@code bytes 0-99/1234}; -1 when absent or unknown. */
  static long totalLength(String contentRange) {
    if (contentRange == null) {
      return -1;
    }
    int slash = contentRange.lastIndexOf('/');
    if (slash < 0 || contentRange.endsWith("*")) {
      return -1;
    }
    try {
      return Long.parseLong(contentRange.substring(slash + 1).strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private IOException notFoundOr(String operation, SdkException e) {
    if (S3Errors.isNotFound(e)) {
      FileNotFoundException missing = new FileNotFoundException(loc + " does not exist (bucket '" + loc.bucket()
          + "', key '" + loc.key() + "')");
      missing.initCause(e);
      return missing;
    }
    return S3Errors.translate(operation, loc, e);
  }

  /** A body that broke off after some bytes. */
  static final class PartialRead extends IOException {
    final int bytesRead;

    PartialRead(int bytesRead, IOException cause) {
      super(cause.toString(), cause);
      this.bytesRead = bytesRead;
    }
  }
}
