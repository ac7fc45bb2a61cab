package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expression.Operation;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import io.tidemark.spec.types.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves an expression's column names against a schema. The bound expression refers to
 * fields by id, holds literals converted to each column's Java type, has every {@code not}
 * pushed into the predicates, and is simplified: constants folded, {@code is null} on a
 * column that can never be null is false, {@code in} with one value is {@code =}.
 */
public final class Binder {
  private Binder() {}

  /**
   * Binds an expression to a table schema.
   *
   * @throws InvalidArgumentException in one line naming the column, its type and the literal,
   *     when a column does not exist, is not primitive, or a literal does not fit its type
   *     (wrong type, a decimal needing rounding, out of range)
   */
  public static Expression bind(Schema schema, Expression expression) {
    return bind(schema.asStruct(), expression);
  }

  /** Binds an expression to the fields of a struct, e.g. a partition struct. */
  public static Expression bind(StructType struct, Expression expression) {
    return bindTree(struct, Rewrites.pushNot(expression));
  }

  /** The field ids a bound expression reads. */
  public static Set<Integer> referencedFieldIds(Expression bound) {
    Set<Integer> ids = new TreeSet<>();
    collect(bound, ids);
    return ids;
  }

  /** True when the field is one of the ids or a struct holding one, at any depth. */
  public static boolean containsAny(NestedField field, Set<Integer> ids) {
    if (ids.contains(field.id())) {
      return true;
    }
    if (field.type() instanceof StructType s) {
      for (NestedField child : s.fields()) {
        if (containsAny(child, ids)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void collect(Expression e, Set<Integer> ids) {
    if (e instanceof And a) {
      collect(a.left(), ids);
      collect(a.right(), ids);
    } else if (e instanceof Or o) {
      collect(o.left(), ids);
      collect(o.right(), ids);
    } else if (e instanceof Not n) {
      collect(n.child(), ids);
    } else if (e instanceof BoundPredicate p) {
      ids.add(p.ref().fieldId());
    } else if (e instanceof UnboundPredicate p) {
      throw new InvalidArgumentException("expression is not bound: " + p);
    }
  }

  private static Expression bindTree(StructType struct, Expression e) {
    if (e instanceof And a) {
      return Expressions.and(bindTree(struct, a.left()), bindTree(struct, a.right()));
    } else if (e instanceof Or o) {
      return Expressions.or(bindTree(struct, o.left()), bindTree(struct, o.right()));
    } else if (e instanceof UnboundPredicate p) {
      return bindPredicate(struct, p);
    }
    return e;
  }

  static BoundReference resolve(StructType struct, List<String> path) {
    StructType current = struct;
    boolean nullable = false;
    List<String> names = new ArrayList<>();
    NestedField field = null;
    for (int i = 0; i < path.size(); i++) {
      String name = path.get(i);
      field = current.field(name);
      if (field == null) {
        List<String> there = current.fields().stream().map(NestedField::name).toList();
        if (i == 0) {
          throw new InvalidArgumentException("unknown column '" + Printer.reference(path) + "' in filter; columns are "
              + there);
        }
        throw new InvalidArgumentException("unknown column '" + Printer.reference(path) + "' in filter: struct "
            + Printer.reference(names) + " has no field '" + name + "'; its fields are " + there);
      }
      names.add(field.name());
      nullable |= !field.required();
      if (i < path.size() - 1) {
        if (!(field.type() instanceof StructType s)) {
          throw new InvalidArgumentException("column '" + Printer.reference(names) + "' is " + field.type()
              + ", not a struct, so '" + Printer.reference(path) + "' does not exist");
        }
        current = s;
      }
    }
    Type type = field.type();
    if (type.isNested()) {
      throw new InvalidArgumentException("column '" + Printer.reference(names) + "' is " + type
          + "; filters compare only primitive columns");
    }
    return new BoundReference(field.id(), names, type, nullable);
  }

  private static Expression bindPredicate(StructType struct, UnboundPredicate p) {
    BoundReference ref = resolve(struct, p.path());
    String column = Printer.reference(ref.path());
    Type type = ref.type();
    Operation op = p.op();
    switch (op) {
      case IS_NULL:
        return ref.nullable() ? BoundPredicate.unary(op, ref) : Constant.FALSE;
      case NOT_NULL:
        return ref.nullable() ? BoundPredicate.unary(op, ref) : Constant.TRUE;
      case IS_NAN:
      case NOT_NAN:
        if (!ref.isFloating()) {
          throw new InvalidArgumentException("'" + (op == Operation.IS_NAN ? "is nan" : "is not nan")
              + "' needs a float or double column; column '" + column + "' is " + type);
        }
        return BoundPredicate.unary(op, ref);
      case STARTS_WITH:
      case NOT_STARTS_WITH: {
        if (type != PrimitiveType.STRING) {
          throw new InvalidArgumentException("'starts with' needs a string column; column '" + column + "' is "
              + type + " (literal " + Literals.print(p.literal()) + ")");
        }
        String prefix = (String) Literals.bind(column, type, p.literal());
        if (prefix.isEmpty()) {
          // every string starts with ''
          return op == Operation.STARTS_WITH ? bindPredicate(struct, new UnboundPredicate(Operation.NOT_NULL,
              p.path(), List.of())) : Constant.FALSE;
        }
        return BoundPredicate.of(op, ref, prefix);
      }
      case IN:
      case NOT_IN: {
        Comparator<Object> order = Literals.comparator(type);
        TreeSet<Object> values = new TreeSet<>(order);
        for (Object literal : p.literals()) {
          values.add(Literals.bind(column, type, literal));
        }
        if (values.size() == 1) {
          return BoundPredicate.of(op == Operation.IN ? Operation.EQ : Operation.NOT_EQ, ref, values.first());
        }
        return new BoundPredicate(op, ref, new ArrayList<>(values));
      }
      default:
        return BoundPredicate.of(op, ref, Literals.bind(column, type, p.literal()));
    }
  }
}
