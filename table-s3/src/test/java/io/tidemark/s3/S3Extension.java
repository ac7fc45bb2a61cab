package io.tidemark.s3;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link S3TestEnv} parameter: one S3Proxy (or one real endpoint) for the whole
 * JVM, started by the first test class that asks and stopped when all tests are done. After each
 * test, everything it wrote is deleted and the bucket is checked to be as it was
 * ({@link S3TestEnv#cleanUp}).
 */
public final class S3Extension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(S3Extension.class);

  /** Made by JUnit. */
  public S3Extension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    env(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    env(context).cleanUp();
  }

  static S3TestEnv env(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("env", k -> {
      try {
        return S3TestEnv.start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the S3 test server: " + e, e);
      }
    }, S3TestEnv.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == S3TestEnv.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return env(context);
  }
}
