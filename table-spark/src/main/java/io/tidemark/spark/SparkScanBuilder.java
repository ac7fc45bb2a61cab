package io.tidemark.spark;

import io.tidemark.core.Table;
import io.tidemark.core.expr.Expression;
import io.tidemark.spec.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds a read: the columns Spark needs (top-level pruning) and the filters Tidemark applies. A
 * filter that {@link SparkFilters} translates is applied in full by the scan tasks, so it is not
 * returned to Spark; the others are returned, for Spark to evaluate after the scan.
 */
final class SparkScanBuilder implements ScanBuilder, SupportsPushDownFilters, SupportsPushDownRequiredColumns {
  private final Table table;
  private final TableHandle handle;
  private final TimeTravel timeTravel;
  private final Schema schema;
  private final Map<String, String> options;
  private List<String> columns;
  private Filter[] pushed = new Filter[0];
  private final List<Expression> expressions = new ArrayList<>();

  SparkScanBuilder(Table table, TableHandle handle, TimeTravel timeTravel, Schema schema,
      Map<String, String> options) {
    this.table = table;
    this.handle = handle;
    this.timeTravel = timeTravel;
    this.schema = schema;
    this.options = options;
  }

  @Override
  public Filter[] pushFilters(Filter[] filters) {
    List<Filter> accepted = new ArrayList<>();
    List<Filter> left = new ArrayList<>();
    expressions.clear();
    for (Filter f : filters) {
      Expression e = SparkFilters.translate(schema, f);
      if (e == null) {
        left.add(f);
      } else {
        accepted.add(f);
        expressions.add(e);
      }
    }
    pushed = accepted.toArray(new Filter[0]);
    return left.toArray(new Filter[0]);
  }

  @Override
  public Filter[] pushedFilters() {
    return pushed.clone();
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    List<String> names = new ArrayList<>();
    for (StructField f : requiredSchema.fields()) {
      names.add(f.name());
    }
    columns = names;
  }

  @Override
  public Scan build() {
    io.tidemark.core.Scan scan = timeTravel.apply(table.newScan());
    boolean noColumns = columns != null && columns.isEmpty();
    if (noColumns) {
      // Spark needs only the row count (count(*)): read the narrowest thing there is, one column
      scan = scan.select(schema.columns().get(0).name());
    } else if (columns != null) {
      scan = scan.select(columns);
    }
    for (Expression e : expressions) {
      scan = scan.filter(e);
    }
    return new SparkScan(table, handle, scan, List.of(pushed), options, noColumns);
  }
}
