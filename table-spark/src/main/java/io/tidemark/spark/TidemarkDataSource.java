package io.tidemark.spark;

import io.tidemark.core.Table;
import io.tidemark.core.TableOptions;
import io.tidemark.core.Tables;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.TableNotFoundException;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code tidemark} data source: tables by path.
 *
 * <pre>{@code
 * Dataset<Row> df = spark.read().format("tidemark").option("versionAsOf", 3).load("/data/events");
 * df.write().format("tidemark").mode("append").save("/data/events_copy");
 * }</pre>
 *
 * Appending to a path where no table is creates an unpartitioned table of the data's schema.
 * Read options: {@code versionAsOf}, {@code timestampAsOf}, {@code splitSizeBytes}. Options in a
 * table option's namespace ({@code s3.endpoint}, {@code s3.credentials-provider}, ...) are the
 * table options the table is opened with, on the driver and on the executors.
 */
public final class TidemarkDataSource implements TableProvider, DataSourceRegister {
  /** The name to use in {@code format(...)} and {@code USING}. */
  public static final String SHORT_NAME = "tidemark";

  /** Made by Spark. */
  public TidemarkDataSource() {}

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    Optional<Table> table = open(path(options), TableHandle.fromDataFrame(options.asCaseSensitiveMap()));
    try {
      return table.map(t -> SparkSchemas.toSpark(t.schema())).orElseGet(StructType::new);
    } finally {
      table.ifPresent(Table::close);
    }
  }

  @Override
  public Transform[] inferPartitioning(CaseInsensitiveStringMap options) {
    return new Transform[0];
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table getTable(StructType schema, Transform[] partitioning,
      Map<String, String> properties) {
    String path = path(new CaseInsensitiveStringMap(properties));
    TableOptions options = TableHandle.fromDataFrame(properties);
    Optional<Table> table = open(path, options);
    if (table.isEmpty()) {
      return new NewPathTable(path, options);
    }
    return new SparkTable(table.get(), options, TimeTravel.fromOptions(properties), true);
  }

  @Override
  public boolean supportsExternalMetadata() {
    return false;
  }

  private static String path(CaseInsensitiveStringMap options) {
    String path = options.get("path");
    if (path == null || path.isBlank()) {
      throw new InvalidArgumentException("the tidemark source needs a table path: load(path) or save(path)");
    }
    return path;
  }

  private static Optional<Table> open(String path, TableOptions options) {
    try {
      return Optional.of(Tables.open(path, options));
    } catch (TableNotFoundException e) {
      return Optional.empty();
    }
  }
}
