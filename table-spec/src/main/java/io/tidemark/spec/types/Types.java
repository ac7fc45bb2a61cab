package io.tidemark.spec.types;

import java.util.List;

/**
 * Short names for building types. Nested types made here carry id 0 for their fields; a
 * {@link Schema.Builder} assigns the real ids.
 */
public final class Types {
  /** {@code boolean}. */
  public static final PrimitiveType BOOLEAN = PrimitiveType.BOOLEAN;
  /** {@code int}. */
  public static final PrimitiveType INT = PrimitiveType.INT;
  /** {@code long}. */
  public static final PrimitiveType LONG = PrimitiveType.LONG;
  /** {@code float}. */
  public static final PrimitiveType FLOAT = PrimitiveType.FLOAT;
  /** {@code double}. */
  public static final PrimitiveType DOUBLE = PrimitiveType.DOUBLE;
  /** {@code date}. */
  public static final PrimitiveType DATE = PrimitiveType.DATE;
  /** {@code timestamp}: UTC, microseconds. */
  public static final PrimitiveType TIMESTAMP = PrimitiveType.TIMESTAMP;
  /** {@code timestamp_ntz}: no time zone, microseconds. */
  public static final PrimitiveType TIMESTAMP_NTZ = PrimitiveType.TIMESTAMP_NTZ;
  /** {@code string}. */
  public static final PrimitiveType STRING = PrimitiveType.STRING;
  /** {@code binary}. */
  public static final PrimitiveType BINARY = PrimitiveType.BINARY;

  private Types() {}

  /** {@code decimal(precision, scale)}. */
  public static DecimalType decimal(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  /** A list whose elements may be null. */
  public static ListType list(Type element) {
    return new ListType(0, element, false);
  }

  /** A list whose elements may not be null. */
  public static ListType listOfRequired(Type element) {
    return new ListType(0, element, true);
  }

  /** A map whose values may be null. */
  public static MapType map(Type key, Type value) {
    return new MapType(0, key, 0, value, false);
  }

  /** A struct of these fields (make them with {@link #optional} and {@link #required}). */
  public static StructType struct(NestedField... fields) {
    return new StructType(List.of(fields));
  }

  /** An optional struct member, id to be assigned. */
  public static NestedField optional(String name, Type type) {
    return new NestedField(0, name, type, false, null);
  }

  /** A required struct member, id to be assigned. */
  public static NestedField required(String name, Type type) {
    return new NestedField(0, name, type, true, null);
  }
}
