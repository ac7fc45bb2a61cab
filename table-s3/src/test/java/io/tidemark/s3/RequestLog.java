package io.tidemark.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** An SDK interceptor that records every successful API call: operation, key, range and bytes returned. */
final class RequestLog implements ExecutionInterceptor {
  record Call(String operation, String key, String range, long bytes) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String key = context.request().getValueForField("Key", String.class).orElse("");
    String range = context.request() instanceof GetObjectRequest g ? g.range() : null;
    long bytes = context.response() instanceof GetObjectResponse r && r.contentLength() != null ? r.contentLength() : 0;
    calls.add(new Call(operation, key, range, bytes));
  }

  List<Call> calls() {
    return new ArrayList<>(calls);
  }

  List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  void clear() {
    calls.clear();
  }
}
