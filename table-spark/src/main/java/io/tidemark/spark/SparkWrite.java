package io.tidemark.spark;

import io.tidemark.core.DataFile;
import io.tidemark.core.Snapshot;
import io.tidemark.core.Table;
import io.tidemark.core.expr.Expression;
import io.tidemark.spec.error.DuplicateTransactionException;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.distributions.Distribution;
import org.apache.spark.sql.connector.distributions.Distributions;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.RequiresDistributionAndOrdering;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write of a Spark job: executors write data files (see {@link WriterFactory}), the driver
 * commits their descriptions once. An append is one {@code AppendFiles}; an overwrite deletes the
 * rows matching its filter and adds the files in one transaction; a dynamic partition overwrite
 * deletes the rows of the partitions the new files are in (see {@link PartitionFilters}) and adds
 * them in one transaction. An aborted job commits nothing:
 * the files its tasks wrote are orphans that vacuum removes.
 *
 * <p>As a streaming sink each micro-batch is one append carrying the application transaction
 * (the query id, the batch id): a batch replayed after a restart is not added twice.
 */
final class SparkWrite implements Write, RequiresDistributionAndOrdering, BatchWrite, StreamingWrite {
  private static final Logger LOG = LoggerFactory.getLogger(SparkWrite.class);

  private final Table table;
  private final TableHandle handle;
  private final Schema schema;
  private final Expression overwrite;
  private final boolean dynamic;
  private final String queryId;
  private final int[] ordinals;
  private final boolean byName;

  /**
   * @param overwrite the rows replaced, or null for an append
   * @param dynamic whether the partitions the new rows land in are replaced (overwrite is null then)
   * @param byName whether incoming columns are matched to the table's by name (path writes,
   *     which Spark does not align) rather than by position (Spark aligned them already)
   */
  SparkWrite(Table table, TableHandle handle, StructType incoming, Expression overwrite, boolean dynamic,
      String queryId, boolean byName) {
    this.table = table;
    this.handle = handle;
    this.schema = table.schema();
    this.overwrite = overwrite;
    this.dynamic = dynamic;
    this.queryId = queryId;
    this.ordinals = byName ? byName(schema, incoming) : byPosition(schema, incoming);
    this.byName = byName;
  }

  /**
   * Rows are clustered by the default spec's partition values, so the rows of one partition go
   * to one task and each task writes few files. A catalog table's transforms are the catalog's
   * functions ({@link TransformFunction}); a path write has no catalog, so it is clustered by its
   * identity partition fields only (unclustered when there are none).
   */
  @Override
  public Distribution requiredDistribution() {
    Snapshot current = table.refresh();
    List<org.apache.spark.sql.connector.expressions.Expression> clustering = new java.util.ArrayList<>();
    for (org.apache.spark.sql.connector.expressions.Transform t : PartitionTransforms.toSpark(current.schema(),
        current.metadata().defaultSpec())) {
      if (t.name().equals("identity")) {
        clustering.add(t.references()[0]);
      } else if (!byName) {
        clustering.add(t);
      }
    }
    return clustering.isEmpty() ? Distributions.unspecified()
        : Distributions.clustered(clustering.toArray(new org.apache.spark.sql.connector.expressions.Expression[0]));
  }

  @Override
  public SortOrder[] requiredOrdering() {
    return new SortOrder[0]; // each task's writer keeps a file open per partition: no sort needed
  }

  private static int[] byPosition(Schema schema, StructType incoming) {
    if (incoming.fields().length != schema.columns().size()) {
      throw new InvalidArgumentException("write has " + incoming.fields().length + " columns, table has "
          + schema.columns().size());
    }
    int[] out = new int[incoming.fields().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = i;
    }
    return out;
  }

  private static int[] byName(Schema schema, StructType incoming) {
    int[] out = new int[schema.columns().size()];
    java.util.Arrays.fill(out, -1);
    for (int i = 0; i < incoming.fields().length; i++) {
      StructField in = incoming.fields()[i];
      int position = -1;
      for (int c = 0; c < out.length; c++) {
        if (schema.columns().get(c).name().equalsIgnoreCase(in.name())) {
          position = c;
        }
      }
      if (position < 0) {
        throw new InvalidArgumentException("column '" + in.name() + "' is not in the table (columns "
            + schema.columns().stream().map(NestedField::name).toList() + "); add it with ALTER TABLE first");
      }
      NestedField column = schema.columns().get(position);
      if (!SparkSchemas.sameIgnoringNullability(SparkSchemas.toSpark(column.type()), in.dataType())) {
        throw new io.tidemark.spec.error.SchemaMismatchException(column.name(),
            SparkSchemas.toSpark(column.type()).simpleString(), in.dataType().simpleString());
      }
      out[position] = i;
    }
    for (int c = 0; c < out.length; c++) {
      if (out[c] < 0 && schema.columns().get(c).required()) {
        throw new io.tidemark.spec.error.SchemaMismatchException(schema.columns().get(c).name(),
            "a value for the required column", "no such column in the written data");
      }
    }
    return out;
  }

  private WriterFactory factory() {
    return new WriterFactory(handle, SparkSchemas.toSpark(schema), ordinals);
  }

  @Override
  public BatchWrite toBatch() {
    return this;
  }

  @Override
  public StreamingWrite toStreaming() {
    if (overwrite != null || dynamic) {
      throw new InvalidArgumentException("a Tidemark streaming sink only appends (output mode append)");
    }
    return this;
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    return factory();
  }

  @Override
  public boolean useCommitCoordinator() {
    // only one attempt of each task may hand back its files, so no file is added twice
    return true;
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    List<DataFile> files = FilesMessage.filesOf(messages);
    if (dynamic) {
      // the partitions as the default spec the files were written with, as a filter on the source columns
      Snapshot current = table.refresh();
      Expression replaced = PartitionFilters.of(current.schema(), current.metadata().defaultSpec(), files);
      if (replaced != null) {
        table.newTransaction().delete(replaced).appendFiles(files).commit();
      }
    } else if (overwrite == null) {
      if (!files.isEmpty()) {
        table.newAppendFiles().appendFiles(files).commit();
      }
    } else if (files.isEmpty()) {
      table.newDelete().where(overwrite).commit();
    } else {
      table.newTransaction().delete(overwrite).appendFiles(files).commit();
    }
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    LOG.info("Spark write to {} aborted: {} data files written are not committed (vacuum removes them)",
        table.location(), FilesMessage.filesOf(messages).size());
  }

  @Override
  public StreamingDataWriterFactory createStreamingWriterFactory(PhysicalWriteInfo info) {
    return factory();
  }

  @Override
  public void commit(long epochId, WriterCommitMessage[] messages) {
    String appId = "spark-streaming-" + queryId;
    OptionalLong done = table.refresh().applicationVersion(appId);
    if (done.isPresent() && done.getAsLong() >= epochId) {
      LOG.info("batch {} of streaming query {} is already in {} (version of the query: {}); skipped",
          epochId, queryId, table.location(), done.getAsLong());
      return;
    }
    List<DataFile> files = FilesMessage.filesOf(messages);
    if (files.isEmpty()) {
      return; // an empty batch replayed adds nothing either
    }
    try {
      table.newAppendFiles().appendFiles(files).applicationTransaction(appId, epochId).commit();
    } catch (DuplicateTransactionException e) {
      LOG.info("batch {} of streaming query {} was committed concurrently; skipped", epochId, queryId);
    }
  }

  @Override
  public void abort(long epochId, WriterCommitMessage[] messages) {
    LOG.info("batch {} of streaming query {} aborted: {} data files not committed", epochId, queryId,
        FilesMessage.filesOf(messages).size());
  }
}
