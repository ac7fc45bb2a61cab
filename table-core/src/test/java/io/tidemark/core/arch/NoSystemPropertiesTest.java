package io.tidemark.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Table;
import org.junit.jupiter.api.Test;

/** Library code is configured by table options only: it never reads or writes system properties. */
class NoSystemPropertiesTest {
  @Test
  void tableCoreNeitherReadsNorWritesSystemPropertiesOrTheEnvironment() throws Exception {
    ForbiddenCalls.Result result = ForbiddenCalls.scan(Table.class);
    assertThat(result.classesScanned()).as("classes scanned").isGreaterThan(100);
    assertThat(result.offenders()).isEmpty();
  }

  @Test
  void theScanFindsACallToSystemGetProperty() throws Exception {
    // this test class's own module (test classes) holds one, so the scan can fail
    assertThat(ForbiddenCalls.scan(Probe.class).offenders())
        .anyMatch(o -> o.startsWith(Probe.class.getName() + " calls java/lang/System.getProperty"));
  }

  /** A call the scan must find. */
  static final class Probe {
    static String read() {
      return System.getProperty("user.home");
    }
  }
}
