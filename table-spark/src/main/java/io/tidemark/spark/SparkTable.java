package io.tidemark.spark;

import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.TableOptions;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.UnsupportedFeatureException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsDelete;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsRowLevelOperations;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.RowLevelOperation;
import org.apache.spark.sql.connector.write.RowLevelOperationBuilder;
import org.apache.spark.sql.connector.write.RowLevelOperationInfo;
import org.apache.spark.sql.connector.write.SupportsDynamicOverwrite;
import org.apache.spark.sql.connector.write.SupportsOverwrite;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A Tidemark table as Spark sees it, at its newest version or at one chosen by time travel. A
 * table opened by path ({@code format("tidemark").load(path)}) takes writes of any schema and
 * matches their columns to the table's by name; a catalog table leaves that to Spark.
 */
final class SparkTable implements org.apache.spark.sql.connector.catalog.Table, SupportsRead, SupportsWrite,
    SupportsDelete, SupportsRowLevelOperations {
  private final Table table;
  private final TableHandle handle;
  private final Snapshot snapshot;
  private final TimeTravel timeTravel;
  private final boolean byPath;

  /**
   * @param options the table options the table was opened with, for the executors
   */
  SparkTable(Table table, TableOptions options, TimeTravel timeTravel, boolean byPath) {
    this.table = table;
    this.handle = new TableHandle(table.location(), options.asMap());
    this.timeTravel = timeTravel;
    this.byPath = byPath;
    this.snapshot = timeTravel.version() != null ? table.snapshot(timeTravel.version())
        : timeTravel.timestamp() != null ? table.snapshotAsOf(timeTravel.timestamp()) : table.refresh();
  }

  Table table() {
    return table;
  }

  @Override
  public String name() {
    return table.location();
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return SparkSchemas.toSpark(snapshot.schema());
  }

  @Override
  public Transform[] partitioning() {
    return PartitionTransforms.toSpark(snapshot.schema(), snapshot.metadata().defaultSpec());
  }

  @Override
  public Map<String, String> properties() {
    Map<String, String> out = new HashMap<>(snapshot.properties());
    out.put("provider", "tidemark");
    out.put("location", table.location());
    out.put("current-version", Long.toString(snapshot.version()));
    return out;
  }

  @Override
  public Set<TableCapability> capabilities() {
    Set<TableCapability> caps = EnumSet.of(TableCapability.BATCH_READ, TableCapability.MICRO_BATCH_READ,
        TableCapability.BATCH_WRITE,
        TableCapability.STREAMING_WRITE, TableCapability.OVERWRITE_BY_FILTER, TableCapability.OVERWRITE_DYNAMIC,
        TableCapability.TRUNCATE);
    if (byPath) {
      caps.add(TableCapability.ACCEPT_ANY_SCHEMA);
    }
    return caps;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    TimeTravel travel = timeTravel;
    TimeTravel asked = TimeTravel.fromOptions(options);
    if (asked.isTimeTravel()) {
      travel = asked;
    } else if (!travel.isTimeTravel()) {
      travel = new TimeTravel(snapshot.version(), null); // the version the query was analysed at
    }
    return new SparkScanBuilder(table, handle, travel, snapshot.schema(), options);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    if (timeTravel.isTimeTravel()) {
      throw new InvalidArgumentException("cannot write to an older version of " + table.location());
    }
    return new Builder(info);
  }

  @Override
  public boolean canDeleteWhere(Filter[] filters) {
    return translate(filters) != null;
  }

  @Override
  public void deleteWhere(Filter[] filters) {
    Expression e = translate(filters);
    if (e == null) {
      throw new UnsupportedFeatureException("DELETE with this condition is not supported yet by Tidemark");
    }
    table.newDelete().where(e).commit();
  }

  /**
   * Row-level commands. {@code UPDATE} and {@code MERGE INTO} are refused here, at analysis, with
   * Tidemark's message (not Spark's generic one). Spark plans a {@code DELETE} through this too,
   * then turns it back into {@link #deleteWhere} when its condition translates; a condition that
   * does not translate reaches the operation's scan, which refuses it.
   */
  @Override
  public RowLevelOperationBuilder newRowLevelOperationBuilder(RowLevelOperationInfo info) {
    return () -> {
      switch (info.command()) {
        case DELETE:
          return new UntranslatableDelete();
        case UPDATE:
          throw notYet("UPDATE");
        default:
          throw notYet("MERGE INTO");
      }
    };
  }

  private UnsupportedFeatureException notYet(String command) {
    return new UnsupportedFeatureException(command + " is not supported yet by Tidemark (table " + table.location()
        + "); use DELETE FROM and INSERT, or the library's Table.newMerge()");
  }

  /** A DELETE whose condition Spark could not hand to {@link #deleteWhere}. */
  private final class UntranslatableDelete implements RowLevelOperation {
    @Override
    public Command command() {
      return Command.DELETE;
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
      throw unsupportedCondition();
    }

    @Override
    public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
      throw unsupportedCondition();
    }

    private UnsupportedFeatureException unsupportedCondition() {
      return new UnsupportedFeatureException("DELETE with this condition is not supported yet by Tidemark (table "
          + table.location() + "): only conditions on top-level columns that Tidemark's filters express"
          + " (comparisons, IN, IS NULL, string prefixes, AND/OR/NOT)");
    }
  }

  private Expression translate(Filter[] filters) {
    Expression all = Expressions.alwaysTrue();
    for (Filter f : filters) {
      Expression e = SparkFilters.translate(snapshot.schema(), f);
      if (e == null) {
        return null;
      }
      all = Expressions.and(all, e);
    }
    return all;
  }

  private final class Builder implements WriteBuilder, SupportsOverwrite, SupportsTruncate, SupportsDynamicOverwrite {
    private final LogicalWriteInfo info;
    private Expression overwrite;
    private boolean dynamic;

    Builder(LogicalWriteInfo info) {
      this.info = info;
    }

    @Override
    public WriteBuilder overwrite(Filter[] filters) {
      Expression e = translate(filters);
      if (e == null) {
        throw new UnsupportedFeatureException("overwrite with this condition is not supported yet by Tidemark:"
            + " a condition on nested or floating-point columns cannot be applied exactly");
      }
      overwrite = e;
      return this;
    }

    @Override
    public WriteBuilder overwriteDynamicPartitions() {
      dynamic = true;
      return this;
    }

    @Override
    public WriteBuilder truncate() {
      overwrite = Expressions.alwaysTrue();
      return this;
    }

    @Override
    public Write build() {
      return new SparkWrite(table, handle, info.schema(), overwrite, dynamic, info.queryId(), byPath);
    }
  }
}
