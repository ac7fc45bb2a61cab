package io.tidemark.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectReaderTest {
  @Test
  void contentRangeHeadersAreParsed() {
    assertThat(ObjectReader.totalLength("bytes 100-199/1234")).isEqualTo(1234);
    assertThat(ObjectReader.totalLength("bytes 0-0/*")).isEqualTo(-1);
    assertThat(ObjectReader.totalLength(null)).isEqualTo(-1);
    assertThat(ObjectReader.rangeStart("bytes 100-199/1234")).isEqualTo(100);
    assertThat(ObjectReader.rangeStart("nonsense")).isEqualTo(-1);
    assertThat(ObjectReader.rangeStart(null)).isEqualTo(-1);
  }

  @Test
  void locationsKeepTheirScheme() {
    S3Location loc = S3Location.parse("s3a://bucket/a/b.json");
    assertThat(loc.bucket()).isEqualTo("bucket");
    assertThat(loc.key()).isEqualTo("a/b.json");
    assertThat(loc.withKey("c")).isEqualTo("s3a://bucket/c");
    assertThat(S3Location.parse("S3://bucket").key()).isEmpty();
  }
}
