package io.tidemark.spark;

import io.tidemark.core.PlanMetrics;
import io.tidemark.core.ScanTaskGroup;
import io.tidemark.spec.error.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * A planned read: Tidemark's planner prunes manifests, files and (on the executors) row groups,
 * and its scan task groups become Spark's input partitions. What planning pruned is in
 * {@link #description()} (so in {@code EXPLAIN}) and in the scan node's metrics.
 */
final class SparkScan implements Scan, Batch {
  /** Read option: the target bytes of one Spark partition (default 128 MiB). */
  static final String SPLIT_SIZE_OPTION = "splitSizeBytes";
  private static final long DEFAULT_SPLIT_SIZE = 128L << 20;

  private final String location;
  private final TableHandle handle;
  private final io.tidemark.core.Table table;
  private final io.tidemark.core.Scan scan;
  private final Map<String, String> options;
  private final List<Filter> pushed;
  private final long splitSize;
  private final boolean noColumns;
  private List<ScanTaskGroup> groups;
  private PlanMetrics metrics;

  SparkScan(io.tidemark.core.Table table, TableHandle handle, io.tidemark.core.Scan scan, List<Filter> pushed,
      Map<String, String> options, boolean noColumns) {
    this.table = table;
    this.handle = handle;
    this.location = table.location();
    this.options = options;
    this.noColumns = noColumns;
    this.scan = scan;
    this.pushed = pushed;
    String split = options.get(SPLIT_SIZE_OPTION);
    try {
      this.splitSize = split == null ? DEFAULT_SPLIT_SIZE : Long.parseLong(split);
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(SPLIT_SIZE_OPTION + " is not a number of bytes: " + split);
    }
  }

  @Override
  public StructType readSchema() {
    return noColumns ? new StructType() : SparkSchemas.toSpark(scan.schema());
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public MicroBatchStream toMicroBatchStream(String checkpointLocation) {
    String start = options.get(AppendStream.STARTING_VERSION_OPTION);
    long startingVersion;
    try {
      startingVersion = start == null ? -1 : Long.parseLong(start.strip());
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(AppendStream.STARTING_VERSION_OPTION + " is not a version: " + start);
    }
    return new AppendStream(table, handle, scan, splitSize, noColumns, startingVersion);
  }

  /** The plan's pruning counts (plans the scan when first asked). */
  PlanMetrics planMetrics() {
    if (metrics == null) {
      metrics = scan.plan().metrics();
    }
    return metrics;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    if (groups == null) {
      groups = scan.planTaskGroups(splitSize);
    }
    InputPartition[] out = new InputPartition[groups.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new TaskGroupPartition(groups.get(i));
    }
    return out;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new TaskGroupReaderFactory(handle, noColumns);
  }

  @Override
  public String description() {
    PlanMetrics m = planMetrics();
    return "Tidemark " + location + " @v" + scan.snapshot().version() + " filters=" + pushed
        + " files=" + m.filesMatched() + "/" + m.filesTotal() + " manifests=" + m.manifestsRead() + "/"
        + m.manifestsTotal();
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return new CustomMetric[] {new Metric(FILES_TOTAL, "live data files in the snapshot"),
        new Metric(FILES_MATCHED, "data files read after pruning")};
  }

  @Override
  public CustomTaskMetric[] reportDriverMetrics() {
    PlanMetrics m = planMetrics();
    return new CustomTaskMetric[] {taskMetric(FILES_TOTAL, m.filesTotal()), taskMetric(FILES_MATCHED, m.filesMatched())};
  }

  static final String FILES_TOTAL = "tidemarkFilesTotal";
  static final String FILES_MATCHED = "tidemarkFilesMatched";

  private static CustomTaskMetric taskMetric(String name, long value) {
    return new CustomTaskMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long value() {
        return value;
      }
    };
  }

  /** A driver-side count, summed. Spark instantiates it by reflection: public, no-arg constructor. */
  public static final class Metric extends CustomSumMetric {
    private final String name;
    private final String description;

    /** For Spark's reflection; never used to report. */
    public Metric() {
      this("unknown", "unknown");
    }

    Metric(String name, String description) {
      this.name = name;
      this.description = description;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return description;
    }
  }
}
