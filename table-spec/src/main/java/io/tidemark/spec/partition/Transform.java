package io.tidemark.spec.partition;

import io.tidemark.spec.types.Type;

/**
 * A partition transform: derives a partition value from a source column's value. Values use the
 * Java classes of {@link io.tidemark.spec.types.PrimitiveType}; results are of
 * {@link #resultType}. spec.md (section 8) defines each transform exactly; {@link Transforms}
 * makes them.
 *
 * <p>Implementations are immutable, thread-safe and compare equal when their {@link #toString()}
 * forms are equal.
 */
public interface Transform {
  /** The transform as spec.md writes it: {@code identity}, {@code bucket[16]}, {@code day}, ... */
  @Override
  String toString();

  /**
   * The transform's name without its parameter: {@code identity}, {@code bucket},
   * {@code truncate}, {@code year}, {@code month}, {@code day}, {@code hour} or {@code void}.
   */
  String name();

  /** The parameter: N of {@code bucket[N]}, W of {@code truncate[W]}; 0 for the others. */
  int parameter();

  /** True when this transform can be applied to a column of the type. */
  boolean canApplyTo(Type sourceType);

  /**
   * The type of the partition values it produces from a source of this type.
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the transform does not apply to
   *     the type
   */
  Type resultType(Type sourceType);

  /**
   * The partition value of a source value (null for null, and always null for {@code void}).
   *
   * @throws io.tidemark.spec.error.InvalidArgumentException when the transform does not apply to
   *     the type, or the value is not of the type's Java class, or the result does not fit the
   *     result type (an hour beyond the 32-bit range, say)
   */
  Object apply(Type sourceType, Object value);

  /**
   * True when the transform keeps order: {@code a <= b} implies {@code apply(a) <= apply(b)}
   * (identity, truncate, year, month, day, hour). Bucket and void do not.
   */
  boolean preservesOrder();

  /**
   * The partition value as readable text, before the escaping of {@link PartitionPaths}, e.g.
   * {@code 2024-01-02} for day; {@link PartitionPaths#NULL_VALUE} for null.
   */
  String toPathString(Type sourceType, Object partitionValue);
}
