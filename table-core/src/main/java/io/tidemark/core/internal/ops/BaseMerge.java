package io.tidemark.core.internal.ops;

import io.tidemark.core.Merge;
import io.tidemark.core.MergeResult;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.deletes.DeleteMode;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.internal.write.PartitionedWriter;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An upsert by key: a {@link RowRemoval} over the files that may hold a source key, whose row
 * test looks each row's key up in the source, then new files for the updated and inserted rows.
 */
final class BaseMerge implements Merge {
  private final TableContext table;
  private final TableState read;
  private List<String> keys;
  private Iterable<Record> source;
  private boolean update;
  private boolean insert;
  private Predicate<Record> deleteIf;
  private boolean committed;

  BaseMerge(TableContext table) {
    this.table = table;
    this.read = table.latestState();
    ProtocolSupport.checkWritable(read.protocol(), table.location());
  }

  @Override
  public Merge on(String... keyColumns) {
    if (keyColumns.length == 0) {
      throw new InvalidArgumentException("a merge needs at least one key column");
    }
    Schema schema = read.metadata().schema();
    for (String name : keyColumns) {
      NestedField field = schema.columns().stream().filter(c -> c.name().equals(name)).findFirst()
          .orElseThrow(() -> new InvalidArgumentException("merge key '" + name + "' is not a column of the table; "
              + "columns are " + schema.columns().stream().map(NestedField::name).toList()));
      if (!(field.type() instanceof PrimitiveType)) {
        throw new InvalidArgumentException("merge key '" + name + "' is not a primitive column");
      }
    }
    this.keys = List.copyOf(Arrays.asList(keyColumns));
    return this;
  }

  @Override
  public Merge source(Iterable<Record> records) {
    this.source = Objects.requireNonNull(records, "records");
    return this;
  }

  @Override
  public Merge whenMatchedUpdateAll() {
    this.update = true;
    return this;
  }

  @Override
  public Merge whenNotMatchedInsertAll() {
    this.insert = true;
    return this;
  }

  @Override
  public Merge whenMatchedDeleteIf(Predicate<Record> condition) {
    this.deleteIf = Objects.requireNonNull(condition, "condition");
    return this;
  }

  private List<Object> keyOf(Record r) {
    List<Object> key = new ArrayList<>(keys.size());
    for (String k : keys) {
      key.add(r.get(k));
    }
    return key;
  }

  @Override
  public MergeResult commit() {
    if (keys == null || source == null) {
      throw new InvalidArgumentException("a merge needs key columns and source records: on(...).source(...)");
    }
    if (!update && !insert && deleteIf == null) {
      throw new InvalidArgumentException("a merge needs a clause: whenMatchedUpdateAll(), whenNotMatchedInsertAll() "
          + "or whenMatchedDeleteIf(...)");
    }
    if (committed) {
      throw new InvalidArgumentException("this merge has committed already; make a new one");
    }
    committed = true;
    Map<List<Object>, Record> byKey = new LinkedHashMap<>();
    Map<List<Object>, Boolean> deletes = new HashMap<>();
    for (Record r : source) {
      List<Object> key = keyOf(r);
      for (int i = 0; i < key.size(); i++) {
        if (key.get(i) == null) {
          throw new InvalidArgumentException("merge key '" + keys.get(i) + "' is null in source record " + r);
        }
      }
      if (byKey.putIfAbsent(key, r) != null) {
        throw new InvalidArgumentException("the merge source has two records for key " + describe(key)
            + ": the result would depend on their order");
      }
      deletes.put(key, deleteIf != null && deleteIf.test(r));
    }
    if (byKey.isEmpty()) {
      return new MergeResult(-1, 0, 0, 0, 0);
    }
    Set<List<Object>> matched = new HashSet<>();
    long[] counts = new long[2]; // updated, deleted
    Predicate<Record> rowMatch = row -> {
      List<Object> key = keyOf(row);
      if (!byKey.containsKey(key)) {
        return false;
      }
      matched.add(key);
      if (deletes.get(key)) {
        counts[1]++;
        return true;
      }
      if (update) {
        counts[0]++;
        return true;
      }
      return false;
    };
    RowRemoval removal = new RowRemoval(table, read, candidates(byKey.keySet()),
        DeleteMode.fromProperties(read.metadata().properties()), rowMatch).run();
    PartitionedWriter writer = PartitionedWriter.forTable(table.io(), table.location(), read.metadata());
    List<AddFile> written;
    long inserted = 0;
    try {
      for (Map.Entry<List<Object>, Record> e : byKey.entrySet()) {
        boolean isMatched = matched.contains(e.getKey());
        if (deletes.get(e.getKey())) {
          continue;
        }
        if (isMatched ? update : insert) {
          writer.write(e.getValue());
          inserted += isMatched ? 0 : 1;
        }
      }
      written = writer.finish();
    } catch (RuntimeException e) {
      writer.abort();
      removal.abort();
      throw e;
    }
    if (removal.removes().isEmpty() && written.isEmpty()) {
      return new MergeResult(-1, 0, 0, 0, removal.reads().files().size());
    }
    List<AddFile> adds = new ArrayList<>(removal.adds());
    adds.addAll(written);
    Map<String, Long> metrics = new LinkedHashMap<>();
    metrics.put("numUpdatedRows", counts[0]);
    metrics.put("numDeletedRows", counts[1]);
    metrics.put("numInsertedRows", inserted);
    metrics.put("numRemovedFiles", (long) removal.removes().size());
    metrics.put("numAddedFiles", (long) adds.size());
    metrics.put("numDeletionVectors", removal.vectorsWritten());
    metrics.put("numCopiedRows", removal.copiedRows());
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("keys", String.join(",", keys));
    parameters.put("clauses", clauses());
    PendingCommit pending = PendingCommit.builder(OPERATION).parameters(parameters).metrics(metrics)
        .removes(removal.removes()).adds(adds).reads(removal.reads()).build();
    CommitOutcome outcome = Commits.commit(table, read, pending, List.of(), () -> {
      writer.abort();
      removal.abort();
    });
    return new MergeResult(outcome.version(), counts[0], counts[1], inserted, removal.reads().files().size());
  }

  /** The filter the files holding a source key match: each key column in the source's values of it. */
  private Expression candidates(Set<List<Object>> sourceKeys) {
    Expression filter = null;
    for (int i = 0; i < keys.size(); i++) {
      Set<Object> values = new LinkedHashSet<>();
      for (List<Object> key : sourceKeys) {
        values.add(key.get(i));
      }
      Expression in = Expressions.in(keys.get(i), values);
      filter = filter == null ? in : Expressions.and(filter, in);
    }
    return filter;
  }

  private String clauses() {
    List<String> out = new ArrayList<>();
    if (update) {
      out.add("matchedUpdate");
    }
    if (deleteIf != null) {
      out.add("matchedDeleteIf");
    }
    if (insert) {
      out.add("notMatchedInsert");
    }
    return String.join(",", out);
  }

  private String describe(List<Object> key) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      parts.add(keys.get(i) + " = " + key.get(i));
    }
    return String.join(", ", parts);
  }
}
