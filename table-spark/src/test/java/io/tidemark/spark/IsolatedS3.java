package io.tidemark.spark;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The S3 test server of table-s3's tests ({@code io.tidemark.s3.S3TestEnv}: an in-process S3Proxy,
 * or the real endpoint {@code TIDEMARK_S3_TEST_ENDPOINT} names), loaded in a class loader of its
 * own. S3Proxy needs Jackson annotations 2.22 and Servlet 6, Spark needs its Jackson 2.18 and
 * Servlet 5; on one class path they break each other, so this loader sees the test class path
 * with only the newest jar of each of those two artifacts (surefire appends the newer ones), and
 * nothing of the application class loader. Tests reach the server through its location and
 * table options only.
 */
final class IsolatedS3 implements AutoCloseable {
  private static final List<String> ONE_VERSION_ONLY = List.of("jackson-annotations-", "jakarta.servlet-api-");

  private final URLClassLoader loader;
  private final Object env;

  private IsolatedS3(URLClassLoader loader, Object env) {
    this.loader = loader;
    this.env = env;
  }

  static IsolatedS3 start() throws Exception {
    URLClassLoader loader = new URLClassLoader("isolated-s3", classPath(), ClassLoader.getPlatformClassLoader());
    Method start = loader.loadClass("io.tidemark.s3.S3TestEnv").getDeclaredMethod("start");
    start.setAccessible(true);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      return new IsolatedS3(loader, start.invoke(null));
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static URL[] classPath() throws MalformedURLException {
    Map<String, String> newest = new LinkedHashMap<>();
    List<String> entries = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    for (String entry : entries) {
      String name = new File(entry).getName();
      ONE_VERSION_ONLY.stream().filter(name::startsWith).findFirst().ifPresent(a -> newest.put(a, entry));
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : entries) {
      String name = new File(entry).getName();
      boolean older = ONE_VERSION_ONLY.stream().anyMatch(a -> name.startsWith(a) && !newest.get(a).equals(entry));
      if (!older) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return urls.toArray(new URL[0]);
  }

  private Object call(String method) {
    try {
      Method m = env.getClass().getMethod(method);
      return m.invoke(env);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("S3 test server: " + method + " failed: " + e.getCause(), e);
    }
  }

  /** A fresh {@code s3://bucket/<run>/<random>} prefix. */
  String newPrefix() {
    return (String) call("newPrefix");
  }

  /** The table options that reach the server, credentials (as a provider class) included. */
  @SuppressWarnings("unchecked")
  Map<String, String> tableOptions() {
    return (Map<String, String>) call("tableOptionsWithCredentials");
  }

  /** Deletes what the test wrote and checks the bucket holds nothing else. */
  void cleanUp() {
    call("cleanUp");
  }

  @Override
  public void close() throws Exception {
    try {
      call("close");
    } finally {
      loader.close();
    }
  }
}
