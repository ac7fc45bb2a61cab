package io.tidemark.spec.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.InvalidArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalTypeTest {
  @ParameterizedTest
  @CsvSource({"1,0", "1,1", "9,2", "18,0", "38,0", "38,38"})
  void acceptsPrecisionOneToThirtyEightAndScaleZeroToPrecision(int precision, int scale) {
    DecimalType t = new DecimalType(precision, scale);

    assertThat(t.precision()).isEqualTo(precision);
    assertThat(t.scale()).isEqualTo(scale);
    assertThat(t.toString()).isEqualTo("decimal(" + precision + "," + scale + ")");
  }

  @ParameterizedTest
  @CsvSource({"0,0", "-1,0", "39,0", "100,2"})
  void rejectsPrecisionOutsideOneToThirtyEight(int precision, int scale) {
    assertThatThrownBy(() -> new DecimalType(precision, scale))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("decimal precision must be 1..38, was " + precision);
  }

  @ParameterizedTest
  @CsvSource({"10,-1", "10,11", "1,2"})
  void rejectsScaleOutsideZeroToPrecision(int precision, int scale) {
    assertThatThrownBy(() -> new DecimalType(precision, scale))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("decimal scale must be 0..precision (" + precision + "), was " + scale);
  }
}
