package io.tidemark.spec.actions;

/**
 * Statistics of one column in one data file. {@code min} and {@code max} are in the column's
 * JSON single-value form ({@link io.tidemark.spec.types.JsonValues}); they are null when the
 * column has only nulls (and NaN) or when no bound could be kept. Long strings and binaries are
 * truncated as spec.md says: the lower bound to a prefix, the upper bound to a prefix with its
 * last character incremented, so both remain bounds.
 *
 * @param nullCount number of null values
 * @param nanCount number of NaN values for float and double columns; null for other types
 * @param min a lower bound of the non-null, non-NaN values, or null
 * @param max an upper bound of the non-null, non-NaN values, or null
 */
public record ColumnStats(long nullCount, Long nanCount, Object min, Object max) {
}
