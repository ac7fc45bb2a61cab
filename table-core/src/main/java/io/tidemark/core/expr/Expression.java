package io.tidemark.core.expr;

/**
 * A boolean filter over the rows of a table: constants, {@code and}, {@code or}, {@code not}, and
 * predicates on one column. Immutable, with value equality; {@link #toString()} prints the filter
 * language that {@link Expressions#parse(String)} reads back.
 *
 * <p>Build unbound expressions with {@link Expressions}, which refer to columns by name. A scan
 * binds them to the table's schema before evaluating them: a bound expression refers to fields
 * by id, holds literals of the column's Java type and has no {@code not} left (negations are
 * pushed into the predicates).
 *
 * <p>Rows are evaluated with SQL's three-valued logic: a comparison with a null value, or with a
 * NaN value, is unknown, and a row matches only when the whole filter is true. {@code is null},
 * {@code is not null}, {@code is nan} and {@code is not nan} are never unknown.
 */
public interface Expression {
  /** What an expression node is. */
  enum Operation {
    /** Always true. */
    TRUE,
    /** Always false. */
    FALSE,
    /** Both children. */
    AND,
    /** Either child. */
    OR,
    /** The negation of the child. */
    NOT,
    /** {@code col is null}. */
    IS_NULL,
    /** {@code col is not null}. */
    NOT_NULL,
    /** {@code col is nan} (float and double columns). */
    IS_NAN,
    /** {@code col is not nan} (float and double columns). */
    NOT_NAN,
    /** {@code col < v}. */
    LT,
    /** {@code col <= v}. */
    LT_EQ,
    /** {@code col > v}. */
    GT,
    /** {@code col >= v}. */
    GT_EQ,
    /** {@code col = v}. */
    EQ,
    /** {@code col != v}. */
    NOT_EQ,
    /** {@code col in (v, ...)}. */
    IN,
    /** {@code col not in (v, ...)}. */
    NOT_IN,
    /** {@code col starts with 'p'} (string columns). */
    STARTS_WITH,
    /** {@code col not starts with 'p'} (string columns). */
    NOT_STARTS_WITH;

    /** The operation that is true exactly where this one is false (unknown stays unknown). */
    public Operation negate() {
      switch (this) {
        case TRUE: return FALSE;
        case FALSE: return TRUE;
        case AND: return OR;
        case OR: return AND;
        case IS_NULL: return NOT_NULL;
        case NOT_NULL: return IS_NULL;
        case IS_NAN: return NOT_NAN;
        case NOT_NAN: return IS_NAN;
        case LT: return GT_EQ;
        case LT_EQ: return GT;
        case GT: return LT_EQ;
        case GT_EQ: return LT;
        case EQ: return NOT_EQ;
        case NOT_EQ: return EQ;
        case IN: return NOT_IN;
        case NOT_IN: return IN;
        case STARTS_WITH: return NOT_STARTS_WITH;
        case NOT_STARTS_WITH: return STARTS_WITH;
        default: throw new IllegalStateException("no negation of " + this);
      }
    }

    /** True for predicates that test only null-ness or NaN-ness and take no literal. */
    public boolean isUnary() {
      return this == IS_NULL || this == NOT_NULL || this == IS_NAN || this == NOT_NAN;
    }

    /** True for predicates that take a list of literals. */
    public boolean isSet() {
      return this == IN || this == NOT_IN;
    }

    /** True for predicates that take exactly one literal. */
    public boolean isSingle() {
      return this.ordinal() >= LT.ordinal() && !isSet();
    }
  }

  /** The kind of this node. */
  Operation op();

  /** True when column references are resolved to field ids (a scan binds its filter to the schema). */
  boolean isBound();

  /** The expression in the filter language; {@link Expressions#parse} reads it back. */
  @Override
  String toString();
}
