package io.tidemark.spark;

import io.tidemark.core.ScanTaskGroup;
import org.apache.spark.sql.connector.read.InputPartition;

/** One Spark partition: a Tidemark scan task group, which carries all an executor needs to read it. */
record TaskGroupPartition(ScanTaskGroup group) implements InputPartition {
}
