package io.tidemark.spec.partition;

import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Type;
import java.time.LocalDate;

/**
 * {@code year}, {@code month}, {@code day} and {@code hour} of a date (not hour), timestamp (in
 * UTC) or timestamp_ntz: years since 1970, months since 1970-01, the date, hours since
 * 1970-01-01T00:00. Values before 1970 give negative numbers (floor, never toward zero).
 */
record TimeTransform(Unit unit) implements Transform {
  /** The period a time transform counts. */
  enum Unit {
    /** Years since 1970, an int. */
    YEAR,
    /** Months since 1970-01, an int. */
    MONTH,
    /** The calendar date (days since 1970-01-01), a date. */
    DAY,
    /** Hours since 1970-01-01T00:00, an int; not for dates. */
    HOUR
  }

  static final TimeTransform YEAR = new TimeTransform(Unit.YEAR);
  static final TimeTransform MONTH = new TimeTransform(Unit.MONTH);
  static final TimeTransform DAY = new TimeTransform(Unit.DAY);
  static final TimeTransform HOUR = new TimeTransform(Unit.HOUR);

  private static final long SECONDS_PER_DAY = 86_400L;
  private static final long SECONDS_PER_HOUR = 3_600L;

  TimeTransform {
    java.util.Objects.requireNonNull(unit, "unit");
  }

  @Override
  public String name() {
    return unit.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public int parameter() {
    return 0;
  }

  @Override
  public boolean canApplyTo(Type sourceType) {
    return sourceType == PrimitiveType.TIMESTAMP || sourceType == PrimitiveType.TIMESTAMP_NTZ
        || (sourceType == PrimitiveType.DATE && unit != Unit.HOUR);
  }

  @Override
  public Type resultType(Type sourceType) {
    TransformValues.checkApplies(this, sourceType);
    return unit == Unit.DAY ? PrimitiveType.DATE : PrimitiveType.INT;
  }

  @Override
  public Object apply(Type sourceType, Object value) {
    TransformValues.checkApplies(this, sourceType);
    if (value == null) {
      return null;
    }
    LocalDate date;
    if (sourceType == PrimitiveType.DATE) {
      date = TransformValues.as(this, sourceType, value, LocalDate.class);
    } else {
      long seconds = TransformValues.epochSecond(this, sourceType, value);
      if (unit == Unit.HOUR) {
        return TransformValues.toInt(this, Math.floorDiv(seconds, SECONDS_PER_HOUR), value);
      }
      date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    }
    switch (unit) {
      case YEAR:
        return TransformValues.toInt(this, date.getYear() - 1970L, value);
      case MONTH:
        return TransformValues.toInt(this, (date.getYear() - 1970L) * 12 + date.getMonthValue() - 1, value);
      case DAY:
        return date;
      default:
        throw new IllegalStateException("hour of a date");
    }
  }

  @Override
  public boolean preservesOrder() {
    return true;
  }

  /** {@code 2024} for year, {@code 2024-01} for month, {@code 2024-01-02} for day, {@code 2024-01-02-10} for hour. */
  @Override
  public String toPathString(Type sourceType, Object partitionValue) {
    if (partitionValue == null) {
      return PartitionPaths.NULL_VALUE;
    }
    switch (unit) {
      case YEAR: {
        String d = LocalDate.of(Math.addExact(1970, (Integer) partitionValue), 1, 1).toString();
        return d.substring(0, d.length() - 6);
      }
      case MONTH: {
        int months = (Integer) partitionValue;
        String d = LocalDate.of(Math.addExact(1970, Math.floorDiv(months, 12)), Math.floorMod(months, 12) + 1, 1)
            .toString();
        return d.substring(0, d.length() - 3);
      }
      case DAY:
        return partitionValue.toString();
      default: {
        long hours = (Integer) partitionValue;
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(hours, 24L));
        int hour = (int) Math.floorMod(hours, 24L);
        return d + (hour < 10 ? "-0" : "-") + hour;
      }
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
