package io.tidemark.spec.types;

import java.util.Locale;

/** The primitive types without parameters. Decimal, which has parameters, is {@link DecimalType}. */
public enum PrimitiveType implements Type {
  /** true or false; Java {@code Boolean}. */
  BOOLEAN,
  /** 32-bit signed integer; Java {@code Integer}. */
  INT,
  /** 64-bit signed integer; Java {@code Long}. */
  LONG,
  /** IEEE 754 32-bit float; Java {@code Float}. */
  FLOAT,
  /** IEEE 754 64-bit float; Java {@code Double}. */
  DOUBLE,
  /** Calendar date without time zone; Java {@code LocalDate}. */
  DATE,
  /** Instant in UTC, microsecond precision; Java {@code Instant}. */
  TIMESTAMP,
  /** Date and time without time zone, microsecond precision; Java {@code LocalDateTime}. */
  TIMESTAMP_NTZ,
  /** UTF-8 text; Java {@code String}. */
  STRING,
  /** Bytes; Java {@code ByteBuffer}. */
  BINARY;

  /** The name used in the schema JSON and in DDL, e.g. {@code timestamp_ntz}. */
  public String typeName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return typeName();
  }
}
