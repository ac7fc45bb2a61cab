package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expression.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Prints expressions in the filter language, with only the parentheses the parser needs. */
final class Printer {
  /** Words that cannot be bare column names. */
  static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "is", "null", "true", "false",
      "nan", "starts", "with");

  private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Printer() {}

  static String print(Expression e) {
    StringBuilder sb = new StringBuilder();
    append(sb, e);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Expression e) {
    if (e instanceof And a) {
      appendChild(sb, a.left(), a.left() instanceof Or);
      sb.append(" and ");
      appendChild(sb, a.right(), a.right() instanceof Or || a.right() instanceof And);
    } else if (e instanceof Or o) {
      append(sb, o.left());
      sb.append(" or ");
      appendChild(sb, o.right(), o.right() instanceof Or);
    } else if (e instanceof Not n) {
      sb.append("not ");
      appendChild(sb, n.child(), n.child() instanceof And || n.child() instanceof Or);
    } else if (e instanceof UnboundPredicate p) {
      predicate(sb, reference(p.path()), p.op(), p.literals());
    } else if (e instanceof BoundPredicate p) {
      predicate(sb, reference(p.ref().path()), p.op(), p.literals());
    } else {
      sb.append(e.toString());
    }
  }

  private static void appendChild(StringBuilder sb, Expression child, boolean parens) {
    if (parens) {
      sb.append('(');
      append(sb, child);
      sb.append(')');
    } else {
      append(sb, child);
    }
  }

  private static void predicate(StringBuilder sb, String ref, Operation op, List<Object> literals) {
    sb.append(ref).append(' ');
    switch (op) {
      case IS_NULL -> sb.append("is null");
      case NOT_NULL -> sb.append("is not null");
      case IS_NAN -> sb.append("is nan");
      case NOT_NAN -> sb.append("is not nan");
      case LT -> sb.append("< ").append(Literals.print(literals.get(0)));
      case LT_EQ -> sb.append("<= ").append(Literals.print(literals.get(0)));
      case GT -> sb.append("> ").append(Literals.print(literals.get(0)));
      case GT_EQ -> sb.append(">= ").append(Literals.print(literals.get(0)));
      case EQ -> sb.append("= ").append(Literals.print(literals.get(0)));
      case NOT_EQ -> sb.append("!= ").append(Literals.print(literals.get(0)));
      case IN -> sb.append("in ").append(list(literals));
      case NOT_IN -> sb.append("not in ").append(list(literals));
      case STARTS_WITH -> sb.append("starts with ").append(Literals.print(literals.get(0)));
      case NOT_STARTS_WITH -> sb.append("not starts with ").append(Literals.print(literals.get(0)));
      default -> throw new IllegalStateException("not a predicate: " + op);
    }
  }

  private static String list(List<Object> literals) {
    return literals.stream().map(Literals::print).collect(Collectors.joining(", ", "(", ")"));
  }

  /** A column path: names joined by dots, each back-quoted unless it is a plain identifier. */
  static String reference(List<String> path) {
    return path.stream().map(Printer::name).collect(Collectors.joining("."));
  }

  static String name(String name) {
    if (BARE.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      return name;
    }
    return "`" + name.replace("`", "``") + "`";
  }
}
