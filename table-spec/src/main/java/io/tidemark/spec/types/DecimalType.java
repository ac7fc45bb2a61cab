package io.tidemark.spec.types;

import io.tidemark.spec.error.InvalidArgumentException;

/**
 * Fixed-point decimal with {@code precision} digits in all, {@code scale} of them after the
 * point. Java {@code BigDecimal}.
 *
 * @param precision 1 to 38
 * @param scale 0 to precision
 */
public record DecimalType(int precision, int scale) implements Type {
  /** Largest precision the format allows. */
  public static final int MAX_PRECISION = 38;

  /** Checks the bounds. */
  public DecimalType {
    if (precision < 1 || precision > MAX_PRECISION) {
      throw new InvalidArgumentException("decimal precision must be 1.." + MAX_PRECISION + ", was " + precision);
    }
    if (scale < 0 || scale > precision) {
      throw new InvalidArgumentException("decimal scale must be 0..precision (" + precision + "), was " + scale);
    }
  }

  @Override
  public String toString() {
    return "decimal(" + precision + "," + scale + ")";
  }
}
