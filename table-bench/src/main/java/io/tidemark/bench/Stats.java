package io.tidemark.bench;

import java.util.Arrays;

/** Statistics of repeated measurements: median, min–max, nearest-rank percentiles. */
final class Stats {
  private Stats() {}

  /**
   * A summary of repetitions.
   *
   * @param median the median (the mean of the middle two for an even count)
   * @param min the smallest value
   * @param max the largest value
   * @param count how many values
   */
  record Summary(double median, double min, double max, int count) {
    /** A single value (count 1). */
    static Summary of(double value) {
      return new Summary(value, value, value, 1);
    }
  }

  /**
   * The median, min and max of the values.
   *
   * @throws IllegalArgumentException when there is no value or one is not finite
   */
  static Summary summarize(double... values) {
    double[] sorted = sorted(values);
    return new Summary(median(sorted), sorted[0], sorted[sorted.length - 1], sorted.length);
  }

  /** The median of the values. */
  static double median(double... values) {
    double[] sorted = sorted(values);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * The nearest-rank percentile: the smallest value such that at least {@code p} percent of the
   * values are at or below it (p in (0, 100]).
   */
  static double percentile(double[] values, double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    double[] sorted = sorted(values);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double[] sorted(double[] values) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("value is not finite: " + v);
      }
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }
}
