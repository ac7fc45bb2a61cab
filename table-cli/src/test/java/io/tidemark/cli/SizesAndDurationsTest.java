package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class SizesAndDurationsTest {
  @ParameterizedTest
  @CsvSource({"128MB, 134217728", "128mb, 134217728", "128 MiB, 134217728", "1.5GB, 1610612736", "65536, 65536",
      "64KB, 65536", "512B, 512", "1t, 1099511627776"})
  void sizesAreBytesOrPowersOf1024(String text, long bytes) {
    assertThat(new Sizes().convert(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lots", "12XB", "-1MB", "0"})
  void badSizesAreRefused(String text) {
    assertThatThrownBy(() -> new Sizes().convert(text)).isInstanceOf(TypeConversionException.class);
  }

  @ParameterizedTest
  @CsvSource({"168h, PT168H", "7d, PT168H", "1h30m, PT1H30M", "90s, PT1M30S", "PT2H, PT2H", "500ms, PT0.5S"})
  void durations(String text, String iso) {
    assertThat(new Durations().convert(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "7", "h7", "1h 2x", "P1X"})
  void badDurationsAreRefused(String text) {
    assertThatThrownBy(() -> new Durations().convert(text)).isInstanceOf(TypeConversionException.class);
  }

  @ParameterizedTest
  @CsvSource({"PT168H, 168h", "PT1H30M, 1h30m", "PT0S, 0s", "PT0.25S, 250ms"})
  void durationsPrintCompactly(String iso, String text) {
    assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"0, 0 B", "1023, 1023 B", "1536, 1.5 KiB", "134217728, 128.0 MiB"})
  void bytesPrintInBinaryUnits(long bytes, String text) {
    assertThat(Sizes.format(bytes)).isEqualTo(text);
  }
}
