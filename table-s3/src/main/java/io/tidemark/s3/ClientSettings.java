package io.tidemark.s3;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/** What an {@link S3FileIO.Builder} holds; null means "let the SDK resolve it". */
record ClientSettings(Region region, URI endpoint, Boolean pathStyle, AwsCredentialsProvider credentials,
    int partSize, SdkHttpClient httpClient, List<ExecutionInterceptor> interceptors) {
  static final ClientSettings DEFAULT = new ClientSettings(null, null, null, null, S3FileIO.DEFAULT_PART_SIZE, null, List.of());

  ClientSettings withRegion(Region r) {
    return new ClientSettings(r, endpoint, pathStyle, credentials, partSize, httpClient, interceptors);
  }

  ClientSettings withEndpoint(URI e) {
    return new ClientSettings(region, e, pathStyle, credentials, partSize, httpClient, interceptors);
  }

  ClientSettings withPathStyle(Boolean p) {
    return new ClientSettings(region, endpoint, p, credentials, partSize, httpClient, interceptors);
  }

  ClientSettings withCredentials(AwsCredentialsProvider c) {
    return new ClientSettings(region, endpoint, pathStyle, c, partSize, httpClient, interceptors);
  }

  ClientSettings withPartSize(int size) {
    return new ClientSettings(region, endpoint, pathStyle, credentials, size, httpClient, interceptors);
  }

  ClientSettings withHttpClient(SdkHttpClient client) {
    return new ClientSettings(region, endpoint, pathStyle, credentials, partSize, client, interceptors);
  }

  ClientSettings withInterceptor(ExecutionInterceptor interceptor) {
    List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
    all.add(interceptor);
    return new ClientSettings(region, endpoint, pathStyle, credentials, partSize, httpClient, List.copyOf(all));
  }
}
