package io.tidemark.spark;

import io.tidemark.core.Scan;
import io.tidemark.spec.error.InvalidArgumentException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Option;

/**
 * Which snapshot a read is of: the newest, a version, or the newest at an instant. Comes from
 * the read options {@code versionAsOf} / {@code timestampAsOf} or from SQL's
 * {@code VERSION AS OF} / {@code TIMESTAMP AS OF}.
 *
 * @param version the version, or null
 * @param timestamp the instant, or null
 */
record TimeTravel(Long version, Instant timestamp) implements Serializable {
  static final TimeTravel LATEST = new TimeTravel(null, null);
  static final String VERSION_OPTION = "versionAsOf";
  static final String TIMESTAMP_OPTION = "timestampAsOf";

  /**
   * The time travel the options ask for. A timestamp is read as Spark reads a timestamp literal
   * (e.g. {@code 2024-01-02 10:00:00}, in the session time zone unless it names one), so the
   * option and SQL's {@code TIMESTAMP AS OF} agree.
   */
  static TimeTravel fromOptions(Map<String, String> options) {
    String version = get(options, VERSION_OPTION);
    String timestamp = get(options, TIMESTAMP_OPTION);
    if (version != null && timestamp != null) {
      throw new InvalidArgumentException("give either " + VERSION_OPTION + " or " + TIMESTAMP_OPTION + ", not both");
    }
    if (version != null) {
      try {
        return new TimeTravel(Long.parseLong(version.strip()), null);
      } catch (NumberFormatException e) {
        throw new InvalidArgumentException(VERSION_OPTION + " is not a version number: " + version);
      }
    }
    if (timestamp != null) {
      return new TimeTravel(null, parseTimestamp(timestamp));
    }
    return LATEST;
  }

  static Instant parseTimestamp(String text) {
    Option<Object> micros = DateTimeUtils.stringToTimestamp(UTF8String.fromString(text.strip()),
        DateTimeUtils.getZoneId(SQLConf.get().sessionLocalTimeZone()));
    if (micros.isEmpty()) {
      throw new InvalidArgumentException(TIMESTAMP_OPTION + " is not a timestamp: " + text);
    }
    return DateTimeUtils.microsToInstant((Long) micros.get());
  }

  private static String get(Map<String, String> options, String key) {
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The scan at this snapshot. */
  Scan apply(Scan scan) {
    if (version != null) {
      return scan.asOfVersion(version);
    }
    return timestamp == null ? scan : scan.asOfTimestamp(timestamp);
  }

  /** Whether this is a read of an older snapshot (which cannot be written). */
  boolean isTimeTravel() {
    return version != null || timestamp != null;
  }
}
