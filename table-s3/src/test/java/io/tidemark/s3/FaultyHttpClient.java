package io.tidemark.s3;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The real HTTP client with failures injected: before the request is sent, after the server
 * handled it (the answer is lost), as synthetic error answers, or as a body that breaks off.
 * Targeted rules fire first; then a share of all requests fails at random, from a fixed seed.
 */
final class FaultyHttpClient implements SdkHttpClient {
  enum Fault {
    /** Connection refused: the request never reached the server. */
    REFUSED,
    /** The server handled the request; the client timed out waiting for the answer. */
    RESPONSE_LOST,
    /** A 500 InternalError answer, request not sent. */
    INTERNAL_ERROR,
    /** A 503 SlowDown answer, request not sent. */
    SLOW_DOWN,
    /** A 409 ConditionalRequestConflict answer, request not sent. */
    CONFLICT,
    /** A GET whose body breaks off halfway. */
    BODY_BROKEN
  }

  private record Rule(Predicate<SdkHttpRequest> matches, Fault fault, AtomicInteger remaining) {}

  private final SdkHttpClient delegate = Apache5HttpClient.builder().build();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private Random random = new Random(0);
  private double rate;
  private List<Fault> randomFaults = List.of();

  FaultyHttpClient() {
    for (Fault f : Fault.values()) {
      injected.put(f, new AtomicInteger());
    }
  }

  /** The next {@code times} requests that match fail with this fault. */
  void failNext(Predicate<SdkHttpRequest> which, Fault fault, int times) {
    rules.add(new Rule(which, fault, new AtomicInteger(times)));
  }

  /** From now on, this share of requests fails with one of these faults, chosen from a seeded random. */
  synchronized void failAtRandom(double share, long seed, List<Fault> faults) {
    this.random = new Random(seed);
    this.rate = share;
    this.randomFaults = List.copyOf(faults);
  }

  synchronized void stopRandomFaults() {
    rate = 0;
  }

  int injected(Fault fault) {
    return injected.get(fault).get();
  }

  int injectedTotal() {
    return injected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Every request sent or attempted, as "METHOD /path?query". */
  List<String> requests() {
    return new ArrayList<>(requests);
  }

  static Predicate<SdkHttpRequest> commitPut() {
    return r -> r.method() == SdkHttpMethod.PUT && r.firstMatchingHeader("If-None-Match").isPresent();
  }

  static Predicate<SdkHttpRequest> method(SdkHttpMethod method, String pathEnd, String query) {
    return r -> r.method() == method && r.encodedPath().endsWith(pathEnd)
        && (query == null || r.rawQueryParameters().containsKey(query));
  }

  private Fault choose(SdkHttpRequest request) {
    for (Rule rule : rules) {
      if (rule.matches().test(request) && rule.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return rule.fault();
      }
    }
    synchronized (this) {
      if (rate > 0 && random.nextDouble() < rate) {
        Fault f = randomFaults.get(random.nextInt(randomFaults.size()));
        return f == Fault.BODY_BROKEN && request.method() != SdkHttpMethod.GET ? Fault.RESPONSE_LOST : f;
      }
    }
    return null;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    SdkHttpRequest http = request.httpRequest();
    return new ExecutableHttpRequest() {
      private volatile ExecutableHttpRequest real;

      @Override
      public HttpExecuteResponse call() throws IOException {
        requests.add(http.method() + " " + http.encodedPath() + (http.rawQueryParameters().isEmpty() ? ""
            : "?" + String.join("&", http.rawQueryParameters().keySet())));
        Fault fault = choose(http);
        if (fault != null) {
          injected.get(fault).incrementAndGet();
        }
        if (fault == Fault.REFUSED) {
          throw new ConnectException("injected: connection refused");
        }
        if (fault == Fault.INTERNAL_ERROR) {
          return synthetic(500, "InternalError", "injected internal error");
        }
        if (fault == Fault.SLOW_DOWN) {
          return synthetic(503, "SlowDown", "injected: please reduce your request rate");
        }
        if (fault == Fault.CONFLICT) {
          return synthetic(409, "ConditionalRequestConflict", "injected: a conflicting operation is in progress");
        }
        real = delegate.prepareRequest(request);
        HttpExecuteResponse response = real.call();
        if (fault == Fault.RESPONSE_LOST) {
          if (response.responseBody().isPresent()) {
            try (InputStream body = response.responseBody().get()) {
              body.readAllBytes();
            }
          }
          throw new SocketTimeoutException("injected: read timed out (the server did handle the request)");
        }
        if (fault == Fault.BODY_BROKEN && response.responseBody().isPresent() && response.httpResponse().isSuccessful()) {
          long length = response.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(2L);
          AbortableInputStream body = response.responseBody().get();
          return HttpExecuteResponse.builder().response(response.httpResponse())
              .responseBody(AbortableInputStream.create(new BreakingStream(body, length / 2), body)).build();
        }
        return response;
      }

      @Override
      public void abort() {
        ExecutableHttpRequest r = real;
        if (r != null) {
          r.abort();
        }
      }
    };
  }

  private static HttpExecuteResponse synthetic(int status, String code, String message) {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
        + "</Message><RequestId>injected</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
    SdkHttpResponse response = SdkHttpResponse.builder().statusCode(status)
        .putHeader("Content-Type", "application/xml").putHeader("Content-Length", Integer.toString(xml.length)).build();
    return HttpExecuteResponse.builder().response(response)
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(xml))).build();
  }

  /** Gives {@code limit} bytes, then fails like a reset connection. */
  private static final class BreakingStream extends FilterInputStream {
    private long left;

    BreakingStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        throw new IOException("injected: connection reset");
      }
      left--;
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("injected: connection reset");
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
