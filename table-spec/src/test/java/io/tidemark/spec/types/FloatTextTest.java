package io.tidemark.spec.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatTextTest {
  @ParameterizedTest
  @CsvSource({
      "2.5, 2.5", "100, 100.0", "-7, -7.0", "0.001, 0.001", "9999999, 9999999.0", "1e7, 1.0E7",
      "0.0001, 1.0E-4", "1.5e-4, 1.5E-4", "123456789012, 1.23456789012E11", "0.1, 0.1",
      // Java 17's Double.toString writes these with more digits than they need
      "1e23, 1.0E23", "2e23, 2.0E23", "2.82879384806159E17, 2.82879384806159E17",
      "1.7976931348623157E308, 1.7976931348623157E308", "4.9E-324, 5.0E-324"})
  void aDoubleIsWrittenWithTheFewestDigitsThatReadBack(double value, String text) {
    assertThat(FloatText.of(value)).isEqualTo(text);
  }

  @Test
  void zeroOfEitherSignAndEveryNaNHaveOneText() {
    assertThat(FloatText.of(-0.0)).isEqualTo(FloatText.of(0.0)).isEqualTo("0.0");
    assertThat(FloatText.of(-0.0f)).isEqualTo("0.0");
    assertThat(FloatText.of(Double.longBitsToDouble(0x7ff8_0000_0000_0001L))).isEqualTo("NaN");
    assertThat(FloatText.of(Double.longBitsToDouble(0xfff0_0000_0000_0123L))).isEqualTo("NaN");
    assertThat(FloatText.of(Float.intBitsToFloat(0x7fc0_0001))).isEqualTo("NaN");
    assertThat(FloatText.of(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(FloatText.of(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Test
  void aFloatIsWrittenWithItsOwnShortestDigitsNotThoseOfTheDoubleItWidensTo() {
    assertThat(FloatText.of(0.1f)).isEqualTo("0.1");
    assertThat(FloatText.of(16_777_216f)).isEqualTo("1.6777216E7");
    assertThat(FloatText.of(Float.MIN_VALUE)).isEqualTo("1.0E-45");
    assertThat(FloatText.of(3.4028235E38f)).isEqualTo("3.4028235E38");
  }

  @Test
  void randomValuesReadBackExactlyAndNeverNeedMoreDigitsThanJavasOwnText() {
    Random random = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        continue;
      }
      String text = FloatText.of(d);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(d);
      assertThat(digits(text)).as(text).isLessThanOrEqualTo(digits(Double.toString(d)));
      float f = Float.intBitsToFloat(random.nextInt());
      if (!Float.isNaN(f) && !Float.isInfinite(f)) {
        assertThat(Float.parseFloat(FloatText.of(f))).as(FloatText.of(f)).isEqualTo(f);
        assertThat(digits(FloatText.of(f))).isLessThanOrEqualTo(digits(Float.toString(f)));
      }
    }
  }

  private static int digits(String text) {
    return new BigDecimal(text).stripTrailingZeros().precision();
  }
}
