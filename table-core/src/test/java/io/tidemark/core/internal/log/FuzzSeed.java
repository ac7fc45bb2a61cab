package io.tidemark.core.internal.log;

import java.util.Random;

/**
 * The seed of the fuzz tests: fixed by default, so that the default build is reproducible;
 * {@code -Dtidemark.fuzz.seed=<n>} repeats a reported seed and {@code -Dtidemark.fuzz.seed=random}
 * explores a new one (the property is read by the tests only).
 */
public final class FuzzSeed {
  private static final long DEFAULT = 20261207L;

  private FuzzSeed() {}

  /** The seed to use. */
  public static long get() {
    String value = System.getProperty("tidemark.fuzz.seed");
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    return value.equals("random") ? new Random().nextLong() : Long.parseLong(value.trim());
  }
}
