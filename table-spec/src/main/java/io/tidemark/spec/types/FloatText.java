package io.tidemark.spec.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one canonical text of a float or double value (spec.md section 6), as partition paths
 * write it: the fewest significant digits that read back as the same value (among several, the
 * one nearest the value, then the one with an even last digit), in plain notation from
 * {@code 0.001} up to below {@code 10000000} ({@code 2.5}, {@code 100.0}) and as
 * {@code <digit>.<digits>E<exponent>} otherwise ({@code 1.0E7}, {@code 1.5E-4}); zero of either
 * sign is {@code 0.0}, and {@code NaN}, {@code Infinity}, {@code -Infinity} are written as such.
 *
 * <p>Java's own {@code Double.toString} gives this text only from Java 19 on (Java 17 writes
 * {@code 1.0E23} as {@code 9.999999999999999E22}), so the digits are chosen here.
 */
public final class FloatText {
  private FloatText() {}

  /** The canonical text of a double. */
  public static String of(double value) {
    return format(value, false);
  }

  /** The canonical text of a float: its own shortest digits, not those of the float widened to double. */
  public static String of(float value) {
    return format(value, true);
  }

  private static String format(double value, boolean single) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return "0.0";
    }
    BigDecimal exact = new BigDecimal(Math.abs(value));
    BigDecimal digits = shortest(exact, Math.abs(value), single);
    return (value < 0 ? "-" : "") + layout(digits);
  }

  /**
   * The decimal with the fewest significant digits that reads back as the value. The decimals of
   * p digits that do lie in the value's rounding interval, if any, include the nearest one below
   * or the nearest one above the exact value, so those two are the only candidates per length.
   */
  private static BigDecimal shortest(BigDecimal exact, double value, boolean single) {
    int maxDigits = single ? 9 : 17; // enough for every float / double to round-trip
    for (int p = 1; p <= maxDigits; p++) {
      BigDecimal below = exact.round(new MathContext(p, RoundingMode.FLOOR));
      BigDecimal above = exact.round(new MathContext(p, RoundingMode.CEILING));
      boolean belowReads = readsBack(below, value, single);
      boolean aboveReads = readsBack(above, value, single);
      if (belowReads && aboveReads) {
        int cmp = exact.subtract(below).compareTo(above.subtract(exact));
        if (cmp != 0) {
          return cmp < 0 ? below : above;
        }
        return lastDigitEven(below) ? below : above;
      }
      if (belowReads) {
        return below;
      }
      if (aboveReads) {
        return above;
      }
    }
    return exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN));
  }

  private static boolean readsBack(BigDecimal candidate, double value, boolean single) {
    String text = candidate.toString();
    return single ? Float.parseFloat(text) == (float) value : Double.parseDouble(text) == value;
  }

  private static boolean lastDigitEven(BigDecimal d) {
    return !d.stripTrailingZeros().unscaledValue().testBit(0);
  }

  /** Plain notation from 10^-3 up to below 10^7, else one digit, a point, the rest and {@code E<exponent>}. */
  private static String layout(BigDecimal positive) {
    BigDecimal d = positive.stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exponent = digits.length() - 1 - d.scale(); // of the first digit
    if (exponent >= -3 && exponent < 7) {
      String plain = d.toPlainString();
      return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
    String fraction = digits.length() > 1 ? digits.substring(1) : "0";
    return digits.charAt(0) + "." + fraction + "E" + exponent;
  }
}
