package io.tidemark.core.internal.evolve;

import io.tidemark.core.EvolutionResult;
import io.tidemark.core.UpdateSchema;
import io.tidemark.core.internal.commit.CommitOutcome;
import io.tidemark.core.internal.commit.Commits;
import io.tidemark.core.internal.commit.PendingCommit;
import io.tidemark.core.internal.commit.ReadSet;
import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.snapshot.PublicMetadata;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.partition.PartitionField;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.ListType;
import io.tidemark.spec.types.MapType;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Records schema changes and applies them, in order, to the newest metadata when committed. */
final class SchemaUpdate implements UpdateSchema {
  /** The operation name of a schema change commit. */
  static final String OPERATION = "SET SCHEMA";

  private final TableContext table;
  private final List<Consumer<Work>> changes = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();
  private String lastAdded;

  SchemaUpdate(TableContext table) {
    this.table = table;
  }

  private UpdateSchema change(String description, Consumer<Work> change) {
    descriptions.add(description);
    changes.add(change);
    return this;
  }

  @Override
  public UpdateSchema addColumn(String path, Type type) {
    return add(path, type, false, null);
  }

  @Override
  public UpdateSchema addColumn(String path, Type type, String doc) {
    return add(path, type, false, doc);
  }

  @Override
  public UpdateSchema addRequiredColumn(String path, Type type) {
    return add(path, type, true, null);
  }

  private UpdateSchema add(String path, Type type, boolean required, String doc) {
    requirePath(path);
    Objects.requireNonNull(type, "type");
    lastAdded = path;
    return change("add column " + path + " " + type + (required ? " not null" : ""),
        w -> w.add(path, type, required, doc));
  }

  private String lastAdded(String what) {
    if (lastAdded == null) {
      throw new InvalidArgumentException(what + "() moves the column added last, and no column was added yet");
    }
    return lastAdded;
  }

  @Override
  public UpdateSchema first() {
    return moveFirst(lastAdded("first"));
  }

  @Override
  public UpdateSchema after(String ref) {
    return moveAfter(lastAdded("after"), ref);
  }

  @Override
  public UpdateSchema before(String ref) {
    return moveBefore(lastAdded("before"), ref);
  }

  @Override
  public UpdateSchema moveFirst(String path) {
    requirePath(path);
    return change("move column " + path + " first", w -> w.move(path, null, false));
  }

  @Override
  public UpdateSchema moveAfter(String path, String ref) {
    requirePath(path);
    requirePath(ref);
    return change("move column " + path + " after " + ref, w -> w.move(path, ref, true));
  }

  @Override
  public UpdateSchema moveBefore(String path, String ref) {
    requirePath(path);
    requirePath(ref);
    return change("move column " + path + " before " + ref, w -> w.move(path, ref, false));
  }

  @Override
  public UpdateSchema dropColumn(String path) {
    requirePath(path);
    return change("drop column " + path, w -> w.drop(path));
  }

  @Override
  public UpdateSchema renameColumn(String path, String newName) {
    requirePath(path);
    if (newName == null || newName.isBlank()) {
      throw new InvalidArgumentException("cannot rename column '" + path + "': the new name is empty");
    }
    return change("rename column " + path + " to " + newName, w -> w.rename(path, newName));
  }

  @Override
  public UpdateSchema widenColumn(String path, Type newType) {
    requirePath(path);
    Objects.requireNonNull(newType, "newType");
    return change("widen column " + path + " to " + newType, w -> w.widen(path, newType));
  }

  @Override
  public UpdateSchema makeOptional(String path) {
    requirePath(path);
    return change("make column " + path + " optional", w -> w.makeOptional(path));
  }

  private static void requirePath(String path) {
    if (path == null || path.isBlank()) {
      throw new InvalidArgumentException("column name must not be empty");
    }
  }

  @Override
  public Schema apply() {
    return applyTo(table().latestState()).schema();
  }

  /** The table; a schema change made for a transaction has none: the transaction applies and commits it. */
  private TableContext table() {
    if (table == null) {
      throw new InvalidArgumentException("this schema change belongs to a transaction, which applies and commits it");
    }
    return table;
  }

  Metadata applyTo(TableState state) {
    Work work = new Work(state);
    for (Consumer<Work> c : changes) {
      c.accept(work);
    }
    return work.finish();
  }

  @Override
  public EvolutionResult commit() {
    TableState read = table().latestState();
    Metadata base = read.metadata();
    Metadata updated = applyTo(read);
    if (updated.schema().equals(base.schema())) {
      throw new InvalidArgumentException("the schema change changes nothing (" + String.join("; ", descriptions) + ")");
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("changes", String.join("; ", descriptions));
    params.put("schemaId", Integer.toString(updated.schemaId()));
    // adding a required column relies on the table being empty: then a concurrent append conflicts
    boolean needsEmpty = updated.schema().columns().size() > 0 && addsRequired(base.schema(), updated.schema());
    PendingCommit pending = PendingCommit.builder(OPERATION).parameters(params).metadata(updated)
        .reads(needsEmpty ? ReadSet.wholeTable("an empty table (a required column is added)") : null).build();
    CommitOutcome outcome = Commits.commit(table, read, pending);
    return new EvolutionResult(outcome.version(), outcome.attempts(), PublicMetadata.of(updated));
  }

  /** True when {@code after} has a required field whose id {@code before} does not have. */
  static boolean addsRequired(Schema before, Schema after) {
    for (int id = before.highestFieldId() + 1; id <= after.highestFieldId(); id++) {
      NestedField f = after.findField(id);
      if (f != null && f.required() && before.findField(id) == null) {
        return true;
      }
    }
    return false;
  }

  /** A field of the schema being changed, mutable. */
  private static final class Node {
    int id;
    String name;
    boolean required;
    String doc;
    Type leaf; // primitive or decimal, else null
    List<Node> fields; // struct
    Node element; // list
    Node key; // map
    Node value; // map

    static Node of(int id, String name, Type type, boolean required, String doc) {
      Node n = new Node();
      n.id = id;
      n.name = name;
      n.required = required;
      n.doc = doc;
      if (type instanceof StructType s) {
        n.fields = new ArrayList<>();
        for (NestedField f : s.fields()) {
          n.fields.add(of(f.id(), f.name(), f.type(), f.required(), f.doc()));
        }
      } else if (type instanceof ListType l) {
        n.element = of(l.elementId(), "element", l.elementType(), l.elementRequired(), null);
      } else if (type instanceof MapType m) {
        n.key = of(m.keyId(), "key", m.keyType(), true, null);
        n.value = of(m.valueId(), "value", m.valueType(), m.valueRequired(), null);
      } else {
        n.leaf = type;
      }
      return n;
    }

    List<Node> children() {
      if (fields != null) {
        return fields;
      } else if (element != null) {
        return List.of(element);
      } else if (key != null) {
        return List.of(key, value);
      }
      return List.of();
    }

    Type type() {
      if (fields != null) {
        return new StructType(fields.stream().map(Node::field).toList());
      } else if (element != null) {
        return new ListType(element.id, element.type(), element.required);
      } else if (key != null) {
        return new MapType(key.id, key.type(), value.id, value.type(), value.required);
      }
      return leaf;
    }

    NestedField field() {
      return new NestedField(id, name, type(), required, doc);
    }

    void collectIds(Set<Integer> out) {
      out.add(id);
      for (Node c : children()) {
        c.collectIds(out);
      }
    }
  }

  /** A field found by path, with the node that holds it. */
  private record Found(Node parent, Node node, String path) {}

  /** The changes applied so far to one base state. */
  private static final class Work {
    private final TableState state;
    private final Metadata base;
    private final Node root;
    private int lastId;

    Work(TableState state) {
      this.state = state;
      this.base = state.metadata();
      this.root = Node.of(0, "<root>", base.schema().asStruct(), true, null);
      this.lastId = Math.max(base.lastColumnId(), base.schema().highestFieldId());
    }

    Found find(String path) {
      Found f = find(root, path, "");
      if (f == null) {
        throw new InvalidArgumentException("no column '" + path + "' in the schema; columns are "
            + root.fields.stream().map(n -> n.name).toList());
      }
      return f;
    }

    private static Found find(Node container, String rest, String prefix) {
      for (Node c : container.children()) {
        if (c.name.equals(rest)) {
          return new Found(container, c, prefix + rest);
        }
      }
      for (Node c : container.children()) {
        if (rest.startsWith(c.name + ".")) {
          Found inner = find(c, rest.substring(c.name.length() + 1), prefix + c.name + ".");
          if (inner != null) {
            return inner;
          }
        }
      }
      return null;
    }

    private Node struct(String path) {
      Found f = find(path);
      if (f.node.fields == null) {
        throw new InvalidArgumentException("cannot add a field to '" + path + "': it is of type " + f.node.type()
            + ", not a struct");
      }
      return f.node;
    }

    private boolean tableHasRows() {
      return state.recordCount() > 0 || state.fileCount() > 0;
    }

    void add(String path, Type type, boolean required, String doc) {
      Node parent;
      String name;
      int dot = path.lastIndexOf('.');
      if (dot < 0 || find(root, path.substring(0, dot), "") == null) {
        parent = root;
        name = path;
      } else {
        parent = struct(path.substring(0, dot));
        name = path.substring(dot + 1);
      }
      if (name.isBlank()) {
        throw new InvalidArgumentException("cannot add column '" + path + "': the name is empty");
      }
      for (Node c : parent.fields) {
        if (c.name.equals(name)) {
          throw new InvalidArgumentException("cannot add column '" + path + "': a column of that name exists ("
              + c.type() + ")");
        }
      }
      if (required && tableHasRows()) {
        throw new InvalidArgumentException("cannot add required column '" + path + "': the table has "
            + state.recordCount() + " rows, which would read null; add it as optional");
      }
      parent.fields.add(fresh(name, type, required, doc));
    }

    /** A node of a new field, with fresh ids (the field's first, then nested ones depth-first). */
    private Node fresh(String name, Type type, boolean required, String doc) {
      Node n = Node.of(++lastId, name, type, required, doc);
      renumber(n);
      return n;
    }

    private void renumber(Node n) {
      for (Node c : n.children()) {
        c.id = ++lastId;
      }
      for (Node c : n.children()) {
        renumber(c);
      }
    }

    void move(String path, String ref, boolean after) {
      Found f = find(path);
      if (f.parent.fields == null) {
        throw new InvalidArgumentException("cannot move '" + path + "': it is not a struct member");
      }
      List<Node> siblings = f.parent.fields;
      if (ref == null) {
        siblings.remove(f.node);
        siblings.add(0, f.node);
        return;
      }
      Found r = find(ref);
      if (r.parent != f.parent) {
        throw new InvalidArgumentException("cannot move '" + path + "' " + (after ? "after" : "before") + " '" + ref
            + "': they are not in the same struct");
      }
      if (r.node == f.node) {
        throw new InvalidArgumentException("cannot move '" + path + "' relative to itself");
      }
      siblings.remove(f.node);
      int at = siblings.indexOf(r.node) + (after ? 1 : 0);
      siblings.add(at, f.node);
    }

    void drop(String path) {
      Found f = find(path);
      if (f.parent.fields == null) {
        throw new InvalidArgumentException("cannot drop '" + path + "': a list element or map key or value "
            + "cannot be dropped, only struct members");
      }
      Set<Integer> ids = new TreeSet<>();
      f.node.collectIds(ids);
      for (PartitionSpec spec : specsInUse()) {
        for (PartitionField pf : spec.fields()) {
          if (ids.contains(pf.sourceId())) {
            throw new InvalidArgumentException("cannot drop column '" + path + "': partition field '" + pf.name()
                + "' (" + pf.transform() + ") of partition spec " + spec.specId()
                + (spec.specId() == base.defaultSpecId() ? " (the current spec)" : " (used by live files)")
                + " is derived from it");
          }
        }
      }
      if (f.parent.fields.size() == 1) {
        throw new InvalidArgumentException("cannot drop column '" + path + "': it is the last column of "
            + (f.parent == root ? "the table" : "its struct"));
      }
      f.parent.fields.remove(f.node);
    }

    void rename(String path, String newName) {
      if (newName.contains(".")) {
        throw new InvalidArgumentException("cannot rename column '" + path + "' to '" + newName
            + "': a name must not contain '.' (it joins the names of nested columns)");
      }
      Found f = find(path);
      if (f.parent.fields == null) {
        throw new InvalidArgumentException("cannot rename '" + path + "': list elements and map keys and values "
            + "have fixed names");
      }
      if (f.node.name.equals(newName)) {
        return;
      }
      for (Node c : f.parent.fields) {
        if (c.name.equals(newName)) {
          throw new InvalidArgumentException("cannot rename column '" + path + "' to '" + newName
              + "': a column of that name exists already");
        }
      }
      String newPath = f.path.substring(0, f.path.length() - f.node.name.length()) + newName;
      PartitionSpec spec = base.defaultSpec();
      for (PartitionField pf : spec.fields()) {
        boolean ownIdentity = pf.sourceId() == f.node.id && "identity".equals(pf.transform().toString());
        if (pf.name().equals(newPath) && !ownIdentity) {
          throw new InvalidArgumentException("cannot rename column '" + path + "' to '" + newName
              + "': partition field '" + pf.name() + "' (" + pf.transform() + ") of the current partition spec"
              + " has that name");
        }
      }
      f.node.name = newName;
    }

    void widen(String path, Type to) {
      Found f = find(path);
      Type from = f.node.leaf;
      if (from == null) {
        throw new InvalidArgumentException("cannot change the type of column '" + path + "' from " + f.node.type()
            + " to " + to + ": only primitive types can be widened");
      }
      if (from.equals(to)) {
        return;
      }
      boolean ok = (from == PrimitiveType.INT && to == PrimitiveType.LONG)
          || (from == PrimitiveType.FLOAT && to == PrimitiveType.DOUBLE)
          || (from instanceof DecimalType d && to instanceof DecimalType e && e.scale() == d.scale()
              && e.precision() > d.precision());
      if (!ok) {
        throw new InvalidArgumentException("cannot change the type of column '" + path + "' from " + from + " to " + to
            + ": " + (isNarrowing(from, to) ? "narrowing loses values; " : "")
            + "only int -> long, float -> double and decimal(p,s) -> decimal(p',s) with p' > p are allowed");
      }
      f.node.leaf = to;
    }

    private static boolean isNarrowing(Type from, Type to) {
      return (from == PrimitiveType.LONG && to == PrimitiveType.INT)
          || (from == PrimitiveType.DOUBLE && to == PrimitiveType.FLOAT)
          || (from instanceof DecimalType d && to instanceof DecimalType e && e.precision() < d.precision());
    }

    void makeOptional(String path) {
      Found f = find(path);
      if (f.parent.key == f.node) {
        throw new InvalidArgumentException("cannot make '" + path + "' optional: map keys are never null");
      }
      f.node.required = false;
    }

    /** The default spec and every spec a live file was written with. */
    private List<PartitionSpec> specsInUse() {
      Set<Integer> ids = new TreeSet<>();
      ids.add(base.defaultSpecId());
      state.dataFiles().forEach(a -> ids.add(a.specId()));
      List<PartitionSpec> out = new ArrayList<>();
      for (int id : ids) {
        PartitionSpec s = base.spec(id);
        if (s != null) {
          out.add(s);
        }
      }
      return out;
    }

    Metadata finish() {
      Schema schema = new Schema(root.fields.stream().map(Node::field).toList());
      for (PartitionSpec spec : specsInUse()) {
        spec.partitionType(schema); // refuses a transform that no longer applies
      }
      boolean changed = !schema.equals(base.schema());
      return new Metadata(base.tableId(), changed ? base.schemaId() + 1 : base.schemaId(), schema,
          Math.max(lastId, base.lastColumnId()), base.partitionSpecs(), base.defaultSpecId(), base.lastPartitionId(),
          base.properties(), base.createdTime());
    }
  }
}
