package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;

/** Structural rewrites of expressions. */
final class Rewrites {
  private Rewrites() {}

  /** The expression without {@code not}: negations pushed into the predicates (De Morgan). */
  static Expression pushNot(Expression e) {
    if (e instanceof And a) {
      return Expressions.and(pushNot(a.left()), pushNot(a.right()));
    } else if (e instanceof Or o) {
      return Expressions.or(pushNot(o.left()), pushNot(o.right()));
    } else if (e instanceof Not n) {
      return negate(n.child());
    }
    return e;
  }

  /** The negation of an expression, without {@code not}. */
  static Expression negate(Expression e) {
    if (e == Constant.TRUE) {
      return Constant.FALSE;
    } else if (e == Constant.FALSE) {
      return Constant.TRUE;
    } else if (e instanceof And a) {
      return Expressions.or(negate(a.left()), negate(a.right()));
    } else if (e instanceof Or o) {
      return Expressions.and(negate(o.left()), negate(o.right()));
    } else if (e instanceof Not n) {
      return pushNot(n.child());
    } else if (e instanceof UnboundPredicate p) {
      return new UnboundPredicate(p.op().negate(), p.path(), p.literals());
    } else if (e instanceof BoundPredicate p) {
      return new BoundPredicate(p.op().negate(), p.ref(), p.literals());
    }
    throw new IllegalStateException("unknown expression " + e);
  }

  /** The expression, checked to be bound, with any {@code not} pushed down. */
  static Expression requireBound(Expression e, String who) {
    if (e == null) {
      throw new InvalidArgumentException(who + " needs an expression");
    }
    checkBound(e, who);
    return pushNot(e);
  }

  private static void checkBound(Expression e, String who) {
    if (e instanceof And a) {
      checkBound(a.left(), who);
      checkBound(a.right(), who);
    } else if (e instanceof Or o) {
      checkBound(o.left(), who);
      checkBound(o.right(), who);
    } else if (e instanceof Not n) {
      checkBound(n.child(), who);
    } else if (!(e instanceof Constant) && !(e instanceof BoundPredicate)) {
      throw new InvalidArgumentException(who + " needs a bound expression (see Binder.bind), got " + e);
    }
  }
}
