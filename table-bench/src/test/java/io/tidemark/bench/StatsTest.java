package io.tidemark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Stats.median(3, 1, 2)).isEqualTo(2);
    assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
    assertThat(Stats.median(7)).isEqualTo(7);
  }

  @Test
  void summaryHasMedianMinMaxAndCount() {
    Stats.Summary s = Stats.summarize(5, 1, 9, 3, 7);
    assertThat(s).isEqualTo(new Stats.Summary(5, 1, 9, 5));
  }

  @Test
  void nearestRankPercentiles() {
    double[] values = new double[200];
    for (int i = 0; i < values.length; i++) {
      values[i] = 200 - i; // 200 .. 1, unsorted on purpose
    }
    assertThat(Stats.percentile(values, 50)).isEqualTo(100);
    assertThat(Stats.percentile(values, 99)).isEqualTo(198);
    assertThat(Stats.percentile(values, 100)).isEqualTo(200);
    assertThat(Stats.percentile(new double[] {4, 2}, 1)).isEqualTo(2);
  }

  @Test
  void doesNotReorderTheCallersArray() {
    double[] values = {3, 1, 2};
    Stats.summarize(values);
    Stats.percentile(values, 50);
    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void rejectsNoValuesAndNonFiniteValues() {
    assertThatThrownBy(() -> Stats.summarize()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stats.median(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stats.percentile(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
