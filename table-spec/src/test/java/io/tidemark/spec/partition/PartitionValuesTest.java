package io.tidemark.spec.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionValuesTest {
  private static final Schema SCHEMA = PartitionSpecTest.SCHEMA;
  private static final PartitionSpec SPEC = PartitionSpec.builderFor(SCHEMA)
      .day("ts").bucket("id", 16).truncate("price", 100).identity("category").hour("local_ts").alwaysNull("region")
      .identity("payload").build();

  private static Object[] sample() {
    return new Object[] {LocalDate.parse("2024-01-02"), 3, new BigDecimal("-13.00"), "books", 473386, null,
        ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff})};
  }

  @Test
  void toJsonMapsEachFieldNameInOrderToItsSingleValueForm() {
    Map<String, Object> json = PartitionValues.toJson(SPEC, SCHEMA, sample());

    assertThat(json).containsExactly(
        Map.entry("ts_day", "2024-01-02"),
        Map.entry("id_bucket", 3L),
        Map.entry("price_trunc", "-13.00"),
        Map.entry("category", "books"),
        Map.entry("local_ts_hour", 473386L),
        new java.util.AbstractMap.SimpleEntry<>("region_null", null),
        Map.entry("payload", "AAH/"));
  }

  @Test
  void fromJsonOfToJsonGivesTheValuesBack() {
    Object[] back = PartitionValues.fromJson(SPEC, SCHEMA, PartitionValues.toJson(SPEC, SCHEMA, sample()));

    assertThat(back).containsExactly(sample());
  }

  @Test
  void aMissingKeyIsNull() {
    Object[] values = PartitionValues.fromJson(SPEC, SCHEMA, Map.of("id_bucket", 5L));

    assertThat(values).containsExactly(null, 5, null, null, null, null, null);
  }

  @Test
  void aValueThatDoesNotFitNamesTheField() {
    assertThatThrownBy(() -> PartitionValues.fromJson(SPEC, SCHEMA, Map.of("ts_day", "2024-13-45")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition value of field 'ts_day' (day, type date)");
    assertThatThrownBy(() -> PartitionValues.fromJson(SPEC, SCHEMA, Map.of("price_trunc", "1.234")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition value of field 'price_trunc' (truncate[100], type decimal(10,2))");
    assertThatThrownBy(() -> PartitionValues.fromJson(SPEC, SCHEMA, Map.of("id_bucket", "three")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("field 'id_bucket'");
  }

  @Test
  void aBucketOutOfRangeOrANonNullVoidIsAnError() {
    assertThatThrownBy(() -> PartitionValues.fromJson(SPEC, SCHEMA, Map.of("id_bucket", 16L)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition value of field 'id_bucket' (bucket[16]) must be in [0, 16), was 16");
    assertThatThrownBy(() -> PartitionValues.fromJson(SPEC, SCHEMA, Map.of("id_bucket", -1L)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("must be in [0, 16), was -1");
    assertThatThrownBy(() -> PartitionValues.fromJson(SPEC, SCHEMA, Map.of("region_null", "x")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition value of field 'region_null' (void) must be null");
  }

  @Test
  void aKeyThatIsNotAFieldIsAnError() {
    Map<String, Object> json = new HashMap<>();
    json.put("ts_day", "2024-01-02");
    json.put("color", "red");

    assertThatThrownBy(() -> PartitionValues.fromJson(SPEC, SCHEMA, json))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition value 'color' is not a field of partition spec 0");
  }

  @Test
  void toJsonOfAValueOfTheWrongTypeNamesTheField() {
    Object[] values = sample();
    values[1] = "3";

    assertThatThrownBy(() -> PartitionValues.toJson(SPEC, SCHEMA, values))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field 'id_bucket' (bucket[16], type int): value 3 (java.lang.String)");
    assertThatThrownBy(() -> PartitionValues.toJson(SPEC, SCHEMA, new Object[2]))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("has 7 fields but 2 partition values were given");
  }

  @Test
  void ofAppliesEachTransformToItsSourceValue() {
    Map<Integer, Object> row = new LinkedHashMap<>();
    row.put(1, 34L);
    row.put(3, Instant.parse("2024-01-02T10:11:12.5Z"));
    row.put(4, java.time.LocalDateTime.parse("2024-01-02T10:59:59.999999"));
    row.put(6, new BigDecimal("-12.30"));
    row.put(9, "books");
    row.put(10, "eu");
    row.put(7, null);

    Object[] values = PartitionValues.of(SPEC, SCHEMA, row::get);

    assertThat(values).containsExactly(LocalDate.parse("2024-01-02"), (2017239379 & Integer.MAX_VALUE) % 16,
        new BigDecimal("-13.00"), "books", 473386, null, null);
  }

  @Test
  void ofNamesTheFieldWhoseSourceValueDoesNotFit() {
    assertThatThrownBy(() -> PartitionValues.of(SPEC, SCHEMA, id -> id == 3 ? "yesterday" : null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("partition field 'ts_day': transform day on a timestamp value expects Instant");
  }
}
