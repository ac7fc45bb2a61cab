package io.tidemark.bench;

import io.tidemark.core.data.Record;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The benchmark's rows, generated once before anything is timed, from a fixed seed: {@code id long,
 * ts timestamp, category string (100 distinct), value double, payload string (~32 chars)}, with
 * timestamps spread uniformly over 30 days and rows in timestamp order (as an ingesting service
 * appends them), so that each append covers about 30/appends days. Every side writes and reads
 * these same {@link Record} objects.
 */
final class Dataset {
  /** The table schema. */
  static final Schema SCHEMA = SchemaDdl.parse(
      "id long not null, ts timestamp not null, category string, value double, payload string");
  /** Column positions. */
  static final int ID = 0;
  static final int TS = 1;
  static final int CATEGORY = 2;
  static final int VALUE = 3;
  static final int PAYLOAD = 4;

  /** The first instant of the 30 days. */
  static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  /** How many days the timestamps span. */
  static final int DAYS = 30;
  /** Distinct categories. */
  static final int CATEGORIES = 100;
  /** The generator's seed. */
  static final long SEED = 20240301L;

  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  final Record[] rows;

  private Dataset(Record[] rows) {
    this.rows = rows;
  }

  /** Generates {@code count} rows from {@link #SEED}. */
  static Dataset generate(int count) {
    SplittableRandom random = new SplittableRandom(SEED);
    long spanMicros = Duration.ofDays(DAYS).toNanos() / 1000;
    long startMicros = START.getEpochSecond() * 1_000_000L;
    long[] micros = new long[count];
    for (int i = 0; i < count; i++) {
      micros[i] = startMicros + random.nextLong(spanMicros);
    }
    Arrays.sort(micros);
    String[] categories = new String[CATEGORIES];
    for (int c = 0; c < CATEGORIES; c++) {
      categories[c] = String.format("category-%03d", c);
    }
    Record[] rows = new Record[count];
    char[] payload = new char[40];
    for (int i = 0; i < count; i++) {
      int length = 28 + random.nextInt(9); // 28..36, 32 on average
      for (int k = 0; k < length; k++) {
        payload[k] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      Instant ts = Instant.ofEpochSecond(Math.floorDiv(micros[i], 1_000_000L),
          Math.floorMod(micros[i], 1_000_000L) * 1000L);
      rows[i] = Record.of(SCHEMA, (long) i, ts, categories[random.nextInt(CATEGORIES)],
          Math.round(random.nextDouble() * 1_000_000.0) / 100.0, new String(payload, 0, length));
    }
    return new Dataset(rows);
  }

  /** The first instant of day {@code day} (0-based) of the 30. */
  static Instant dayStart(int day) {
    return START.plus(Duration.ofDays(day));
  }

  /**
   * A checksum of one row's values that touches every column, the same for every reader: both
   * sides must return the same rows, and no side can skip decoding a column.
   */
  static long checksum(Object id, Object ts, Object category, Object value, Object payload) {
    long h = (Long) id;
    Instant t = (Instant) ts;
    h = h * 31 + t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    h = h * 31 + text((String) category);
    h = h * 31 + Double.doubleToLongBits((Double) value);
    h = h * 31 + text((String) payload);
    return h;
  }

  private static long text(String s) {
    return s == null ? 7 : s.length() * 131L + s.charAt(0) + s.charAt(s.length() - 1);
  }

  /** {@link #checksum} of a record. */
  static long checksum(Record r) {
    return checksum(r.get(ID), r.get(TS), r.get(CATEGORY), r.get(VALUE), r.get(PAYLOAD));
  }
}
