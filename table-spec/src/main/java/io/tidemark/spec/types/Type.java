package io.tidemark.spec.types;

/**
 * A column type of the Tidemark format: a primitive, a decimal, or a nested struct, list or map.
 * Nested types carry the ids of the fields they contain; see {@link Schema}.
 */
public sealed interface Type permits PrimitiveType, DecimalType, StructType, ListType, MapType {
  /** True for struct, list and map. */
  default boolean isNested() {
    return false;
  }

  /** The type as spec.md writes it for primitives (e.g. {@code long}, {@code decimal(10,2)}). */
  @Override
  String toString();
}
