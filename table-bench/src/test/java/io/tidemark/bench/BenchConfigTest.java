package io.tidemark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchConfigTest {
  @Test
  void fullModeSharesNineMeasuredRepetitionsAmongThreeJvmsEachWithItsWarmUp() {
    BenchConfig full = BenchConfig.fullMode();
    assertThat(full.sideForks()).isEqualTo(3);
    assertThat(full.sideRuns()).isEqualTo(12);
    List<Integer> measured = new ArrayList<>();
    List<Integer> forkStarts = new ArrayList<>();
    for (int run = 0; run < full.sideRuns(); run++) {
      if (full.startsSideFork(run)) {
        forkStarts.add(run);
        assertThat(full.measuredSideRep(run)).as("run %d starts a JVM with its warm-up", run).isEqualTo(-1);
      }
      if (full.measuredSideRep(run) >= 0) {
        measured.add(full.measuredSideRep(run));
      }
    }
    assertThat(forkStarts).containsExactly(0, 4, 8);
    assertThat(measured).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(full.sideRunLabel(0)).isEqualTo("JVM 1, warm-up");
    assertThat(full.sideRunLabel(5)).isEqualTo("JVM 2, rep 4");
  }

  @Test
  void quickModeRunsEachSideInOneJvmWithItsWarmUpsFirst() {
    BenchConfig quick = BenchConfig.quickMode();
    assertThat(quick.sideForks()).isEqualTo(1);
    assertThat(quick.sideRuns()).isEqualTo(quick.warmups() + quick.reps());
    for (int run = 0; run < quick.sideRuns(); run++) {
      assertThat(quick.startsSideFork(run)).isEqualTo(run == 0);
      assertThat(quick.measuredSideRep(run)).isEqualTo(run < quick.warmups() ? -1 : run - quick.warmups());
    }
  }
}
