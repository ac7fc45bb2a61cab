package io.tidemark.spark;

import io.tidemark.core.Table;
import io.tidemark.core.TableOptions;
import io.tidemark.core.Tables;
import io.tidemark.core.UpdateProperties;
import io.tidemark.core.UpdateSchema;
import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.TableNotFoundException;
import io.tidemark.spec.error.UnsupportedFeatureException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.catalyst.analysis.NoSuchFunctionException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.connector.catalog.CatalogV2Util;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.FunctionCatalog;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.StagedTable;
import org.apache.spark.sql.connector.catalog.StagingTableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A Spark catalog of Tidemark tables under a warehouse location: table {@code db.events} is the
 * directory {@code <warehouse>/db/events}. A name that is a path ({@code tm.`/data/payments`})
 * is the table at that path. There is no metastore: a table is its directory.
 *
 * <pre>
 * --conf spark.sql.catalog.tm=io.tidemark.spark.TidemarkCatalog
 * --conf spark.sql.catalog.tm.warehouse=/data/lake
 * --conf spark.sql.catalog.tm.s3.endpoint=http://localhost:9000
 * </pre>
 *
 * Every catalog option but {@value #WAREHOUSE} is a table option ({@code TableOptions}) that the
 * catalog's tables are opened with, on the driver and on the executors: {@code s3.endpoint},
 * {@code s3.path-style}, {@code s3.region}, {@code s3.credentials-provider}, cache sizes. An
 * unknown key fails the catalog's set-up, naming it.
 */
public class TidemarkCatalog implements StagingTableCatalog, FunctionCatalog {
  /** Catalog option: the location tables are created under. */
  public static final String WAREHOUSE = "warehouse";
  /** Spark's own table properties, which are not Tidemark properties. */
  private static final Set<String> SPARK_PROPERTIES = Set.of(PROP_PROVIDER, PROP_OWNER, PROP_LOCATION, PROP_COMMENT,
      PROP_EXTERNAL, PROP_IS_MANAGED_LOCATION, "current-version");

  private String name;
  private String warehouse;
  private TableOptions options = TableOptions.defaults();
  /**
   * One file IO per scheme, shared by the catalog's tables (a table given a file IO does not
   * close it): loading a table for each query does not make a new storage client each time.
   */
  private final Map<String, FileIO> ios = new ConcurrentHashMap<>();

  /** Made by Spark, which then calls {@link #initialize}. */
  public TidemarkCatalog() {}

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    String w = options.get(WAREHOUSE);
    this.warehouse = w == null || w.isBlank() ? null : w.strip().replaceAll("/+$", "");
    this.options = TableHandle.fromCatalog(options.asCaseSensitiveMap(), Set.of(WAREHOUSE));
  }

  @Override
  public String name() {
    return name;
  }

  /** The location of a table: its path, or its place under the warehouse. */
  String location(Identifier ident) {
    if (isPath(ident)) {
      return ident.name();
    }
    if (warehouse == null) {
      throw new InvalidArgumentException("catalog " + name + " has no '" + WAREHOUSE + "' option (spark.sql.catalog."
          + name + ".warehouse); only path tables (" + name + ".`/path/to/table`) can be used");
    }
    StringBuilder sb = new StringBuilder(warehouse);
    for (String part : ident.namespace()) {
      sb.append('/').append(checkName(part));
    }
    return sb.append('/').append(checkName(ident.name())).toString();
  }

  private static boolean isPath(Identifier ident) {
    return ident.namespace().length == 0 && (ident.name().startsWith("/") || ident.name().contains(":/"));
  }

  private static String checkName(String part) {
    if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("/") || part.contains("\\")
        || part.startsWith("_")) {
      throw new InvalidArgumentException("'" + part + "' cannot name a table or namespace: no '/', '\\', '.', '..'"
          + " and no leading '_'");
    }
    return part;
  }

  private Table open(Identifier ident) throws NoSuchTableException {
    try {
      String location = location(ident);
      return Tables.open(io(location), location, options);
    } catch (TableNotFoundException e) {
      throw new NoSuchTableException(ident);
    }
  }

  /**
   * The table, or a metadata table of one: {@code db.events.history} is the history of
   * {@code db.events} and {@code db.events.files} its live data files, when no table of that name
   * exists.
   */
  @Override
  public org.apache.spark.sql.connector.catalog.Table loadTable(Identifier ident) throws NoSuchTableException {
    try {
      return new SparkTable(open(ident), options, TimeTravel.LATEST, false);
    } catch (NoSuchTableException e) {
      String[] ns = ident.namespace();
      boolean history = ident.name().equalsIgnoreCase(HistoryTable.NAME);
      if (ns.length == 0 || !history && !ident.name().equalsIgnoreCase(FilesTable.NAME)) {
        throw e;
      }
      Identifier parent = Identifier.of(java.util.Arrays.copyOf(ns, ns.length - 1), ns[ns.length - 1]);
      try {
        Table table = open(parent);
        return history ? new HistoryTable(table) : new FilesTable(table);
      } catch (NoSuchTableException | InvalidArgumentException notParent) {
        throw e;
      }
    }
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table loadTable(Identifier ident, String version)
      throws NoSuchTableException {
    long v;
    try {
      v = Long.parseLong(version.strip());
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException("VERSION AS OF needs a Tidemark table version (a number), got " + version);
    }
    return new SparkTable(open(ident), options, new TimeTravel(v, null), false);
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table loadTable(Identifier ident, long timestampMicros)
      throws NoSuchTableException {
    Instant at = DateTimeUtils.microsToInstant(timestampMicros);
    return new SparkTable(open(ident), options, new TimeTravel(null, at), false);
  }

  @Override
  public boolean tableExists(Identifier ident) {
    try (Table table = open(ident)) {
      return table != null;
    } catch (NoSuchTableException e) {
      return false;
    }
  }

  @Override
  public Identifier[] listTables(String[] namespace) {
    if (warehouse == null) {
      return new Identifier[0];
    }
    StringBuilder prefix = new StringBuilder(warehouse);
    for (String part : namespace) {
      prefix.append('/').append(checkName(part));
    }
    prefix.append('/');
    Set<String> names = new TreeSet<>();
    try {
      for (FileEntry e : io(warehouse).list(prefix.toString(), null)) {
        String rest = e.location().substring(e.location().indexOf(prefix.toString()) + prefix.length());
        String[] parts = rest.split("/");
        if (parts.length == 3 && parts[1].equals("_log") && parts[2].endsWith(".json")) {
          names.add(parts[0]);
        }
      }
    } catch (IOException e) {
      throw new StorageException("cannot list tables under " + prefix + ": " + e.getMessage(), e);
    }
    return names.stream().map(n -> Identifier.of(namespace, n)).toArray(Identifier[]::new);
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table createTable(Identifier ident, Column[] columns,
      Transform[] partitions, Map<String, String> properties) throws TableAlreadyExistsException {
    String provider = properties.get(PROP_PROVIDER);
    if (provider != null && !provider.equalsIgnoreCase(TidemarkDataSource.SHORT_NAME)) {
      throw new InvalidArgumentException("catalog " + name + " holds Tidemark tables; USING " + provider
          + " is not supported");
    }
    String location = properties.containsKey(PROP_LOCATION) ? properties.get(PROP_LOCATION) : location(ident);
    StructType struct = CatalogV2Util.v2ColumnsToStructType(columns);
    Schema schema = SparkSchemas.toTidemark(struct);
    PartitionSpec spec = PartitionTransforms.toTidemark(schema, partitions);
    Map<String, String> tableProperties = new HashMap<>();
    properties.forEach((k, v) -> {
      if (!SPARK_PROPERTIES.contains(k) && !k.startsWith(OPTION_PREFIX)) {
        tableProperties.put(k, v);
      }
    });
    try {
      Table table = Tables.create(io(location), location, schema, spec, tableProperties, options);
      return new SparkTable(table, options, TimeTravel.LATEST, false);
    } catch (io.tidemark.spec.error.TableAlreadyExistsException e) {
      throw new TableAlreadyExistsException(ident);
    }
  }

  @Override
  @SuppressWarnings("deprecation")
  public org.apache.spark.sql.connector.catalog.Table createTable(Identifier ident, StructType schema,
      Transform[] partitions, Map<String, String> properties) throws TableAlreadyExistsException {
    return createTable(ident, CatalogV2Util.structTypeToV2Columns(schema), partitions, properties);
  }

  /** {@code CREATE TABLE ... AS SELECT}: see {@link StagedSparkTable}. */
  @Override
  public StagedTable stageCreate(Identifier ident, Column[] columns, Transform[] partitions,
      Map<String, String> properties) throws TableAlreadyExistsException {
    SparkTable created = (SparkTable) createTable(ident, columns, partitions, properties);
    return new StagedSparkTable(created, handle(created), true);
  }

  /**
   * {@code REPLACE TABLE [... AS SELECT]} of a table with the same columns and partitioning: see
   * {@link StagedSparkTable}. A replacement with other columns or partitioning is refused (it
   * would not be one commit); drop the table and create it again.
   */
  @Override
  public StagedTable stageReplace(Identifier ident, Column[] columns, Transform[] partitions,
      Map<String, String> properties) throws NoSuchTableException {
    Table table = open(ident);
    StructType wanted = CatalogV2Util.v2ColumnsToStructType(columns);
    Schema current = table.schema();
    String spec = PartitionTransforms.toTidemark(SparkSchemas.toTidemark(wanted), partitions)
        .format(SparkSchemas.toTidemark(wanted));
    if (!SparkSchemas.sameIgnoringNullability(SparkSchemas.toSpark(current), wanted)
        || !spec.equals(table.refresh().metadata().defaultSpec().format(current))) {
      table.close();
      throw new UnsupportedFeatureException("REPLACE TABLE " + ident + " with other columns or partitioning is not"
          + " supported yet by Tidemark (it would not be one commit): DROP TABLE, then CREATE TABLE ... AS SELECT;"
          + " or INSERT OVERWRITE to replace the rows only");
    }
    SparkTable existing = new SparkTable(table, options, TimeTravel.LATEST, false);
    return new StagedSparkTable(existing, handle(existing), false);
  }

  @Override
  public StagedTable stageCreateOrReplace(Identifier ident, Column[] columns, Transform[] partitions,
      Map<String, String> properties) {
    try {
      return tableExists(ident) ? stageReplace(ident, columns, partitions, properties)
          : stageCreate(ident, columns, partitions, properties);
    } catch (NoSuchTableException e) {
      throw new TableNotFoundException(location(ident)); // dropped concurrently
    } catch (TableAlreadyExistsException e) {
      throw new io.tidemark.spec.error.TableAlreadyExistsException(location(ident)); // created concurrently
    }
  }

  private TableHandle handle(SparkTable table) {
    return new TableHandle(table.table().location(), options.asMap());
  }

  @Override
  public org.apache.spark.sql.connector.catalog.Table alterTable(Identifier ident, TableChange... changes)
      throws NoSuchTableException {
    Table table = open(ident);
    UpdateSchema schema = null;
    UpdateProperties props = null;
    for (TableChange change : changes) {
      if (change instanceof TableChange.SetProperty p) {
        props = props == null ? table.updateProperties() : props;
        props.set(p.property(), p.value());
      } else if (change instanceof TableChange.RemoveProperty p) {
        props = props == null ? table.updateProperties() : props;
        props.unset(p.property());
      } else {
        schema = schema == null ? table.updateSchema() : schema;
        applySchemaChange(schema, change);
      }
    }
    if (schema != null) {
      schema.commit();
    }
    if (props != null) {
      props.commit();
    }
    return new SparkTable(table, options, TimeTravel.LATEST, false);
  }

  private static void applySchemaChange(UpdateSchema update, TableChange change) {
    if (change instanceof TableChange.AddColumn a) {
      String path = String.join(".", a.fieldNames());
      io.tidemark.spec.types.Type type = SparkSchemas.toTidemark(path, a.dataType());
      if (a.isNullable()) {
        update.addColumn(path, type, a.comment());
      } else {
        update.addRequiredColumn(path, type);
      }
      if (a.position() instanceof TableChange.First) {
        update.first();
      } else if (a.position() instanceof TableChange.After after) {
        update.after(after.column());
      }
    } else if (change instanceof TableChange.RenameColumn r) {
      update.renameColumn(String.join(".", r.fieldNames()), r.newName());
    } else if (change instanceof TableChange.DeleteColumn d) {
      update.dropColumn(String.join(".", d.fieldNames()));
    } else if (change instanceof TableChange.UpdateColumnType t) {
      String path = String.join(".", t.fieldNames());
      update.widenColumn(path, SparkSchemas.toTidemark(path, t.newDataType()));
    } else {
      throw new UnsupportedFeatureException("ALTER TABLE change " + change.getClass().getSimpleName()
          + " is not supported yet by Tidemark");
    }
  }

  /**
   * Drops the table's metadata (its log and manifests); its data files stay where they are. The
   * location holds no table afterwards.
   */
  @Override
  public boolean dropTable(Identifier ident) {
    return drop(ident, false);
  }

  /** Drops the table and deletes every file under its location. */
  @Override
  public boolean purgeTable(Identifier ident) {
    return drop(ident, true);
  }

  private boolean drop(Identifier ident, boolean purge) {
    if (!tableExists(ident)) {
      return false;
    }
    String location = location(ident);
    return Tables.drop(io(location), location, purge);
  }

  /**
   * The partition transforms as functions ({@code years}, {@code months}, {@code days},
   * {@code hours}, {@code bucket}, {@code truncate}), in no namespace or in {@code system}: Spark
   * calls them to cluster written rows by partition.
   */
  @Override
  public Identifier[] listFunctions(String[] namespace) {
    if (!isFunctionNamespace(namespace)) {
      return new Identifier[0];
    }
    return TransformFunction.NAMES.stream().map(n -> Identifier.of(namespace, n)).toArray(Identifier[]::new);
  }

  @Override
  public UnboundFunction loadFunction(Identifier ident) throws NoSuchFunctionException {
    if (!isFunctionNamespace(ident.namespace()) || !TransformFunction.isName(ident.name())) {
      throw new NoSuchFunctionException(ident);
    }
    return new TransformFunction(ident.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean isFunctionNamespace(String[] namespace) {
    return namespace.length == 0 || namespace.length == 1 && namespace[0].equalsIgnoreCase("system");
  }

  private FileIO io(String location) {
    String scheme = FileIOs.schemeOf(location);
    return ios.computeIfAbsent(scheme == null ? "file" : scheme.toLowerCase(java.util.Locale.ROOT),
        s -> FileIOs.forLocation(location, options.asMap()));
  }

  @Override
  public void renameTable(Identifier oldIdent, Identifier newIdent) {
    throw new UnsupportedFeatureException("RENAME TABLE is not supported by Tidemark: a table is its location");
  }

  @Override
  public String toString() {
    return "TidemarkCatalog{" + name + ", warehouse=" + warehouse + "}";
  }
}
