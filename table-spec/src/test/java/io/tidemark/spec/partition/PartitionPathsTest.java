package io.tidemark.spec.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.actions.TablePaths;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartitionPathsTest {
  private static final Schema SCHEMA = PartitionSpecTest.SCHEMA;

  private static String path(PartitionSpec spec, Object... values) {
    return PartitionPaths.path(spec, SCHEMA, values);
  }

  private static PartitionSpec byRegion() {
    return PartitionSpec.builderFor(SCHEMA).identity("region").build();
  }

  @Test
  void oneNameEqualsValueSegmentPerFieldInSpecOrder() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).day("ts").bucket("id", 16).build();

    assertThat(path(spec, LocalDate.parse("2024-01-02"), 3)).isEqualTo("ts_day=2024-01-02/id_bucket=3");
  }

  @Test
  void everyTransformWritesItsReadableText() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).year("day").month("ts").hour("local_ts")
        .truncate("price", 100).truncate("name", 3).identity("id").alwaysNull("region").build();
    int hour = (int) (LocalDate.parse("2024-01-02").toEpochDay() * 24 + 10);

    assertThat(path(spec, 54, 54 * 12, hour, new BigDecimal("-13.00"), "ice", -7L, null))
        .isEqualTo("day_year=2024/ts_month=2024-01/local_ts_hour=2024-01-02-10/price_trunc=-13.00/name_trunc=ice/"
            + "id=-7/region_null=__NULL__");
  }

  @Test
  void anUnpartitionedSpecHasTheEmptyPath() {
    assertThat(PartitionPaths.path(PartitionSpec.unpartitioned(), SCHEMA, new Object[0])).isEmpty();
  }

  @Test
  void bytesOutsideTheSafeSetArePercentEncodedFromUtf8() {
    assertThat(path(byRegion(), "a/b c:d\\e")).isEqualTo("region=a%2Fb%20c%3Ad%5Ce");
    assertThat(path(byRegion(), "é😀")).isEqualTo("region=%C3%A9%F0%9F%98%80");
    assertThat(path(byRegion(), "100%=x")).isEqualTo("region=100%25%3Dx");
    assertThat(path(byRegion(), "Az09_.-")).isEqualTo("region=Az09_.-");
    assertThat(path(byRegion(), "a\u0000b\nc")).isEqualTo("region=a%00b%0Ac");
  }

  @Test
  void aLeadingDotIsEncodedSoNoSegmentIsDotOrDotDotOrHidden() {
    assertThat(path(byRegion(), ".")).isEqualTo("region=%2E");
    assertThat(path(byRegion(), "..")).isEqualTo("region=%2E.");
    assertThat(path(byRegion(), ".hidden")).isEqualTo("region=%2Ehidden");
    assertThat(path(byRegion(), "a.b")).isEqualTo("region=a.b");
    assertThat(PartitionPaths.escape(".x")).isEqualTo("%2Ex");
  }

  @Test
  void namesAreEscapedLikeValues() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).identity("odd name").identity("category", ".c/=").build();

    assertThat(path(spec, 5, "x")).isEqualTo("odd%20name=5/%2Ec%2F%3D=x");
  }

  @Test
  void nullHasAMarkerThatNoValueCanProduce() {
    assertThat(path(byRegion(), (Object) null)).isEqualTo("region=__NULL__");
    assertThat(path(byRegion(), "__NULL__")).isEqualTo("region=%5F_NULL__");
    assertThat(path(byRegion(), "__NULL_")).isEqualTo("region=__NULL_");
    assertThat(path(byRegion(), "")).isEqualTo("region=");
  }

  @Test
  void timestampsAndBinaryUseTheirSingleValueJsonTextEscaped() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).identity("ts").identity("payload").identity("score").build();

    assertThat(path(spec, Instant.parse("2024-01-02T10:00:00Z"), ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}),
        Double.NaN)).isEqualTo("ts=2024-01-02T10%3A00%3A00Z/payload=AAH%2F/score=NaN");
  }

  @Test
  void aSegmentOf128CharactersIsWrittenInFullAndALongerOneIsCappedTo128() {
    String fits = "x".repeat(PartitionPaths.MAX_SEGMENT_LENGTH - "region=".length());
    assertThat(path(byRegion(), fits)).isEqualTo("region=" + fits);

    String segment = path(byRegion(), fits + "y");
    assertThat(segment).hasSize(PartitionPaths.MAX_SEGMENT_LENGTH)
        .isEqualTo(("region=" + fits).substring(0, 111) + "~" + sha256Prefix("region=" + fits + "y"));
  }

  @Test
  void aCappedSegmentEndsWithAHashOfTheWholeSoLongValuesSharingAPrefixStayApart() {
    String cjk = "漢".repeat(100); // 900 escaped characters
    String capped = path(byRegion(), cjk);
    String escaped = "region=" + "%E6%BC%A2".repeat(100);
    // 111 characters would end inside "%BC": the prefix stops before that escape
    assertThat(capped).isEqualTo(escaped.substring(0, 109) + "~" + sha256Prefix(escaped))
        .matches("region=(%E6%BC%A2){11}%E6~[0-9a-f]{16}");
    assertThat(path(byRegion(), cjk)).isEqualTo(capped);
    assertThat(path(byRegion(), cjk + "x")).isNotEqualTo(capped).startsWith(capped.substring(0, 109));
    TablePaths.checkRelative("data/" + capped + "/f.parquet");
  }

  @Test
  void capping112CharactersNeverCutsAnEscapeApart() {
    // "region=" and 102 letters put a '%' at index 109: the escape would end after index 111
    String at109 = path(byRegion(), "a".repeat(102) + "é" + "b".repeat(50));
    assertThat(at109).startsWith("region=" + "a".repeat(102) + "~").hasSize(126);
    String at110 = path(byRegion(), "a".repeat(103) + "é" + "b".repeat(50));
    assertThat(at110).startsWith("region=" + "a".repeat(103) + "~").hasSize(127);
    String at108 = path(byRegion(), "a".repeat(101) + "é" + "b".repeat(50));
    assertThat(at108).startsWith("region=" + "a".repeat(101) + "%C3~").hasSize(128);
  }

  @Test
  void aLongFieldNameIsCappedWithItsValue() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).identity("region", "r".repeat(300)).build();

    String p = path(spec, "eu");
    assertThat(p).hasSize(PartitionPaths.MAX_SEGMENT_LENGTH).startsWith("r".repeat(111) + "~");
    assertThat(path(spec, "us")).isNotEqualTo(p);
  }

  @Test
  void dangerousLongValuesGiveValidPaths() {
    for (String value : List.of("../".repeat(200), "a/b:c\\d%e f".repeat(80), "..", ".", ".".repeat(500),
        "ü".repeat(1000), "%".repeat(300))) {
      String p = path(byRegion(), value);
      TablePaths.checkRelative("data/" + p + "/f.parquet");
      assertThat(p).hasSizeLessThanOrEqualTo(PartitionPaths.MAX_SEGMENT_LENGTH).doesNotContain("/");
    }
  }

  @Test
  void floatsAndDoublesHaveOneTextPerValue() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).identity("score").build();

    assertThat(path(spec, -0.0)).isEqualTo(path(spec, 0.0)).isEqualTo("score=0.0");
    assertThat(path(spec, Double.longBitsToDouble(0x7ff8_0000_0000_0001L))).isEqualTo("score=NaN");
    assertThat(path(spec, 1e23)).isEqualTo("score=1.0E23");
    assertThat(path(spec, -1.5e-7)).isEqualTo("score=-1.5E-7");
    assertThat(path(spec, Double.NEGATIVE_INFINITY)).isEqualTo("score=-Infinity");
  }

  private static String sha256Prefix(String segment) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(segment.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theWrongNumberOfValuesIsAnError() {
    assertThatThrownBy(() -> path(byRegion(), "a", "b"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition spec 0 has 1 fields but 2 partition values were given");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheField() {
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).month("ts").build();

    assertThatThrownBy(() -> path(spec, "2024-01"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field 'ts_month' (month): value 2024-01 is not a value of its result type");
  }

  @Test
  void everyPathIsAValidTablePathForRandomStrings() {
    Random random = new Random(99);
    PartitionSpec spec = PartitionSpec.builderFor(SCHEMA).identity("region").truncate("name", 3).build();
    for (int i = 0; i < 5000; i++) {
      String value = randomString(random);
      String p = path(spec, value, Transforms.truncate(3).apply(io.tidemark.spec.types.Types.STRING, value));

      TablePaths.checkRelative("data/" + p + "/f.parquet");
      assertThat(p).doesNotContain(":", "\\", "//").matches("[A-Za-z0-9_.%=/~-]*");
      for (String segment : p.split("/")) {
        assertThat(segment).doesNotStartWith(".").hasSizeLessThanOrEqualTo(PartitionPaths.MAX_SEGMENT_LENGTH);
      }
    }
  }

  private static String randomString(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(10) == 0 ? random.nextInt(400) : random.nextInt(8);
    String specials = "./\\:%=_-. \u0000";
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(3)) {
        case 0 -> sb.append(specials.charAt(random.nextInt(specials.length())));
        case 1 -> sb.append((char) ('a' + random.nextInt(26)));
        default -> sb.appendCodePoint(random.nextBoolean() ? 0x80 + random.nextInt(0xD000) : 0x10000 + random.nextInt(0x1000));
      }
    }
    return sb.toString();
  }
}
