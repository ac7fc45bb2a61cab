package io.tidemark.s3;

import io.tidemark.core.io.FileEntry;
import io.tidemark.spec.error.InvalidArgumentException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Listing with {@code ListObjectsV2} and batch deletion with {@code DeleteObjects}. */
final class S3Listing {
  static final int DELETE_BATCH = 1000;
  private static final int DELETE_ROUNDS = 4;
  private static final Set<String> TRANSIENT = Set.of("InternalError", "SlowDown", "ServiceUnavailable", "RequestTimeout");

  private S3Listing() {}

  static List<FileEntry> list(S3Client client, S3Location prefix, S3Location startAfter) throws IOException {
    return list(client, prefix, startAfter, 1000);
  }

  static List<FileEntry> list(S3Client client, S3Location prefix, S3Location startAfter, int pageSize)
      throws IOException {
    if (startAfter != null && !startAfter.bucket().equals(prefix.bucket())) {
      throw new InvalidArgumentException("cannot list " + prefix + " after " + startAfter + ": another bucket");
    }
    ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(prefix.bucket()).prefix(prefix.key())
        .maxKeys(pageSize);
    if (startAfter != null) {
      request.startAfter(startAfter.key());
    }
    List<FileEntry> out = new ArrayList<>();
    String token = null;
    do {
      ListObjectsV2Request pageRequest = request.continuationToken(token).build();
      ListObjectsV2Response page = Retries.idempotent("list", prefix, () -> client.listObjectsV2(pageRequest));
      for (S3Object o : page.contents()) {
        if (!o.key().endsWith("/")) {
          out.add(new FileEntry(prefix.withKey(o.key()), o.size(), o.lastModified().toEpochMilli()));
        }
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return out;
  }

  /**
   * Deletes with {@code DeleteObjects}, {@value #DELETE_BATCH} keys per request, retrying keys that
   * failed for a transient reason; keys that do not exist are not an error.
   *
   * @return the locations S3 did not delete, each with its error code and message
   * @throws IOException when a request failed as a whole
   */
  static Map<String, String> deleteAll(S3Client client, List<S3Location> locations) throws IOException {
    return deleteAll(client, locations, DELETE_BATCH);
  }

  static Map<String, String> deleteAll(S3Client client, List<S3Location> locations, int batchSize)
      throws IOException {
    Map<String, List<S3Location>> byBucket = new LinkedHashMap<>();
    for (S3Location loc : locations) {
      byBucket.computeIfAbsent(loc.bucket(), b -> new ArrayList<>()).add(loc);
    }
    Map<String, String> failed = new LinkedHashMap<>();
    for (List<S3Location> inBucket : byBucket.values()) {
      for (int from = 0; from < inBucket.size(); from += batchSize) {
        deleteBatch(client, inBucket.subList(from, Math.min(inBucket.size(), from + batchSize)), failed);
      }
    }
    return failed;
  }

  private static void deleteBatch(S3Client client, List<S3Location> batch, Map<String, String> failures)
      throws IOException {
    String bucket = batch.get(0).bucket();
    Map<String, S3Location> byKey = new LinkedHashMap<>();
    batch.forEach(loc -> byKey.put(loc.key(), loc));
    List<String> pending = List.copyOf(byKey.keySet());
    List<S3Error> failed = List.of();
    for (int round = 1; round <= DELETE_ROUNDS && !pending.isEmpty(); round++) {
      if (round > 1) {
        pause(round, bucket);
      }
      List<ObjectIdentifier> ids = pending.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
      DeleteObjectsResponse response = Retries.idempotent("delete " + pending.size() + " objects of",
          new S3Location("s3", bucket, pending.get(0)),
          () -> client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true))));
      failed = response.errors().stream().filter(err -> !"NoSuchKey".equals(err.code())).toList();
      pending = failed.stream().filter(err -> TRANSIENT.contains(err.code())).map(S3Error::key).toList();
      if (pending.size() < failed.size()) {
        break;
      }
    }
    for (S3Error err : failed) {
      S3Location loc = byKey.get(err.key());
      failures.put(loc != null ? loc.toString() : "s3://" + bucket + "/" + err.key(), err.code() + ": " + err.message());
    }
  }

  private static void pause(int round, String bucket) throws IOException {
    try {
      Thread.sleep(100L << round);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while deleting objects in bucket " + bucket);
    }
  }
}
