package io.tidemark.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The commit: {@code PutObject} with {@code If-None-Match: *}.
 *
 * <p>The SDK's own retries are switched off for this request, because a retry of a PUT that did
 * land (its response was lost) would get 412 and make this writer believe another one won. Instead:
 * 412 is a lost race, unless an earlier attempt's outcome is unknown; 409
 * {@code ConditionalRequestConflict} (a concurrent conditional write is in flight; nothing was
 * written) and throttling are retried here with backoff; anything else that may or may not have
 * been applied is an {@link IOException}, settled by the committer reading the file back.
 */
final class ExclusiveCreate {
  private static final Logger LOG = LoggerFactory.getLogger(ExclusiveCreate.class);
  static final int MAX_ATTEMPTS = 10;

  private ExclusiveCreate() {}

  static boolean put(S3Client client, S3Location loc, byte[] content) throws IOException {
    PutObjectRequest request = PutObjectRequest.builder().bucket(loc.bucket()).key(loc.key()).ifNoneMatch("*")
        .overrideConfiguration(o -> o.addPlugin(Retries.NO_SDK_RETRIES)).build();
    boolean unknownEarlier = false;
    for (int attempt = 1; ; attempt++) {
      try {
        client.putObject(request, RequestBody.fromBytes(content));
        return true;
      } catch (SdkException e) {
        int status = S3Errors.status(e);
        if (status == S3Errors.PRECONDITION_FAILED) {
          if (unknownEarlier) {
            throw new IOException("cannot tell whether " + loc + " was created by this writer: it exists now, and an"
                + " earlier attempt's outcome is unknown", e);
          }
          return false;
        }
        boolean conflict = status == S3Errors.CONFLICT;
        boolean throttled = S3Errors.isThrottling(e);
        if ((conflict || throttled) && attempt < MAX_ATTEMPTS) {
          // a throttled request is not applied on AWS; stay careful with other stores all the same
          unknownEarlier |= throttled;
          LOG.debug("create {}: {} {} (attempt {}), retrying", loc, status, S3Errors.code(e), attempt);
          backoff(attempt, loc);
          continue;
        }
        if (conflict) {
          throw new IOException("cannot create " + loc + ": S3 kept answering 409 " + S3Errors.code(e)
              + " after " + attempt + " attempts", e);
        }
        throw S3Errors.translate("create", loc, e);
      }
    }
  }

  private static void backoff(int attempt, S3Location loc) throws IOException {
    long capMillis = Math.min(2_000, 20L << Math.min(attempt - 1, 10));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(capMillis / 2, capMillis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while creating " + loc);
    }
  }
}
