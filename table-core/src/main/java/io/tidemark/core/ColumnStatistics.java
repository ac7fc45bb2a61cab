package io.tidemark.core;

import java.io.Serializable;

/**
 * Statistics of one column in one data file. Bounds are in the column's JSON single-value form
 * (spec.md section 6: numbers, strings, booleans; dates, timestamps and decimals as the spec
 * writes them), so they travel between JVMs and engines as they are; long strings and binaries
 * are truncated so that they stay bounds.
 *
 * @param nullCount the column's null values
 * @param nanCount its NaN values for float and double columns, else null
 * @param lowerBound a lower bound of its non-null, non-NaN values, or null when unknown or none
 * @param upperBound an upper bound of its non-null, non-NaN values, or null when unknown or none
 */
public record ColumnStatistics(long nullCount, Long nanCount, Object lowerBound, Object upperBound)
    implements Serializable {}
