package io.tidemark.spark;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.io.FileIO;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.StagedTable;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table of a {@code CREATE TABLE ... AS SELECT} or {@code REPLACE TABLE ... AS SELECT} while
 * its query runs.
 *
 * <ul>
 *   <li><b>create</b>: the table was created when staged (executors need it to write); the
 *       query's rows are one append. If the query fails, the table and every file under its
 *       location are deleted, so a failed CTAS leaves no table.</li>
 *   <li><b>replace</b> (a table with the same columns and partitioning): the query's rows replace
 *       every row in one transaction (a truncate and an append, one commit), so readers see the
 *       old rows or the new ones; a failed query changes nothing. {@code REPLACE TABLE} without a
 *       query deletes every row, in one commit.</li>
 * </ul>
 */
final class StagedSparkTable implements StagedTable, SupportsWrite {
  private static final Logger LOG = LoggerFactory.getLogger(StagedSparkTable.class);

  private final SparkTable table;
  private final TableHandle handle;
  private final boolean created;
  private boolean written;

  /**
   * @param created true when staging created the table (it is dropped on abort), false when it
   *     replaces an existing one
   */
  StagedSparkTable(SparkTable table, TableHandle handle, boolean created) {
    this.table = table;
    this.handle = handle;
    this.created = created;
  }

  @Override
  public String name() {
    return table.name();
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return table.schema();
  }

  @Override
  public Transform[] partitioning() {
    return table.partitioning();
  }

  @Override
  public Map<String, String> properties() {
    return table.properties();
  }

  @Override
  public Set<TableCapability> capabilities() {
    return table.capabilities();
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    written = true;
    WriteBuilder builder = table.newWriteBuilder(info);
    return created ? builder : ((org.apache.spark.sql.connector.write.SupportsTruncate) builder).truncate();
  }

  @Override
  public void commitStagedChanges() {
    if (!created && !written) {
      table.table().newDelete().where(Expressions.alwaysTrue()).commit();
    }
  }

  @Override
  public void abortStagedChanges() {
    if (!created) {
      return; // the replacement never committed: the old rows are still the table's
    }
    Table t = table.table();
    try (t; FileIO io = handle.io()) {
      Tables.drop(io, t.location(), true);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not delete the table {} of a failed CREATE TABLE AS SELECT: {}", t.location(), e.toString());
    }
  }
}
