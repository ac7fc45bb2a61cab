package io.tidemark.s3;

import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the {@link S3Client} of an {@link S3FileIO} from its settings and the environment. */
final class ClientFactory {
  private static final Logger LOG = LoggerFactory.getLogger(ClientFactory.class);
  /** Attempts per request (the first and five retries) for throttling, 5xx and connection errors. */
  static final int MAX_ATTEMPTS = 6;

  private ClientFactory() {}

  static S3Client create(ClientSettings settings) {
    S3ClientBuilder b = S3Client.builder();
    if (settings.httpClient() != null) {
      b.httpClient(settings.httpClient());
    } else {
      b.httpClientBuilder(Apache5HttpClient.builder()
          .maxConnections(64)
          .connectionTimeout(Duration.ofSeconds(10))
          .socketTimeout(Duration.ofSeconds(60)));
    }
    if (settings.credentials() != null) {
      b.credentialsProvider(settings.credentials()); // else the SDK's default chain, owned by the client
    }
    URI endpoint = settings.endpoint() != null ? settings.endpoint() : configuredEndpoint();
    Region region = settings.region() != null ? settings.region() : configuredRegion();
    if (region == null) {
      region = Region.US_EAST_1;
      if (endpoint == null) {
        b.crossRegionAccessEnabled(true);
      }
    }
    b.region(region);
    if (endpoint != null) {
      // S3-compatible stores: checksums only where S3 requires them (newer SDK defaults send
      // CRC trailers on every upload, which some stores reject)
      b.endpointOverride(endpoint)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    // Uploads carry their payload hash (over http) or UNSIGNED-PAYLOAD (over https) in one header,
    // never an aws-chunked body: Ceph RGW rejects an empty aws-chunked upload over http
    // (XAmzContentSHA256Mismatch), and every S3 store takes the plain form. Bodies are in memory,
    // so hashing them before sending costs no second read from elsewhere.
    b.serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
    b.forcePathStyle(settings.pathStyle() != null ? settings.pathStyle() : endpoint != null);
    b.overrideConfiguration(o -> {
      o.retryStrategy(retryStrategy());
      settings.interceptors().forEach(o::addExecutionInterceptor);
    });
    LOG.debug("S3 client: region {}, endpoint {}, path-style {}", region, endpoint == null ? "AWS" : endpoint,
        settings.pathStyle() != null ? settings.pathStyle() : endpoint != null);
    return b.build();
  }

  /**
   * The SDK's standard strategy (throttling, 5xx, connection errors and timeouts) with more
   * attempts and without the client-wide retry quota, so that one busy spell does not make every
   * request of the process fail at once.
   */
  static RetryStrategy retryStrategy() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(MAX_ATTEMPTS)
        .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(5)))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
        .circuitBreakerEnabled(false)
        .build();
  }

  /**
   * The endpoint the SDK takes from its configuration ({@code AWS_ENDPOINT_URL_S3},
   * {@code AWS_ENDPOINT_URL}, their {@code aws.*} system properties, a profile's
   * {@code endpoint_url}), or null for AWS; resolved here, by the SDK's own resolver as its client
   * builder calls it, so that path-style addressing and checksums can follow it.
   */
  static URI configuredEndpoint() {
    return AwsClientEndpointProvider.builder()
        .serviceEndpointOverrideEnvironmentVariable("AWS_ENDPOINT_URL_S3")
        .serviceEndpointOverrideSystemProperty("aws.endpointUrlS3")
        .serviceProfileProperty("s3")
        .resolveFromOverrides()
        .orElse(null);
  }

  /**
   * The region from {@code aws.region} / {@code AWS_REGION} or the profile. The instance metadata
   * service is not asked: off EC2 it costs seconds of timeouts, and cross-region access finds a
   * bucket's region anyway.
   */
  private static Region configuredRegion() {
    try {
      return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider()).getRegion();
    } catch (SdkClientException e) {
      return null;
    }
  }
}
