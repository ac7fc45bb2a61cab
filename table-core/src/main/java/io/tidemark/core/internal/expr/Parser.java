package io.tidemark.core.internal.expr;

import io.tidemark.core.expr.Expression;
import io.tidemark.core.expr.Expressions;
import io.tidemark.spec.error.InvalidArgumentException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads the filter language into an unbound expression.
 *
 * <pre>
 * filter    := or
 * or        := and ('or' and)*
 * and       := not ('and' not)*
 * not       := 'not' not | primary
 * primary   := '(' or ')' | 'true' | 'false' | predicate
 * predicate := column ( ('=' | '!=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') literal
 *                     | ['not'] 'in' '(' literal (',' literal)* ')'
 *                     | 'is' ['not'] ('null' | 'nan')
 *                     | ['not'] 'starts' 'with' string )
 * column    := name ('.' name)*          name: identifier or `back-quoted` (`` for a back-quote)
 * literal   := number | string | 'true' | 'false' | X'hex'
 * </pre>
 * Keywords are case-insensitive; strings are single-quoted with {@code ''} for a quote; numbers
 * are integers, decimals or have an exponent, with an optional minus sign.
 */
final class Parser {
  private enum Kind { NAME, QUOTED_NAME, STRING, NUMBER, HEX, OP, LPAREN, RPAREN, COMMA, DOT, END }

  private record Token(Kind kind, String text, Object value, int position) {
    boolean isKeyword(String word) {
      return kind == Kind.NAME && text.equalsIgnoreCase(word);
    }

    String describe() {
      return switch (kind) {
        case END -> "end of input";
        case STRING -> "string " + Literals.quote((String) value);
        default -> "'" + text + "'";
      };
    }
  }

  private final String input;
  private final List<Token> tokens;
  private int next;

  private Parser(String input) {
    this.input = input;
    this.tokens = tokenize(input);
  }

  /**
   * The expression the text describes.
   *
   * @throws InvalidArgumentException naming the position (1-based) of the first error
   */
  static Expression parse(String text) {
    if (text == null) {
      throw new InvalidArgumentException("filter must not be null");
    }
    Parser parser = new Parser(text);
    if (parser.peek().kind == Kind.END) {
      throw parser.error(parser.peek(), "the filter is empty");
    }
    Expression e = parser.or();
    Token t = parser.peek();
    if (t.kind != Kind.END) {
      throw parser.error(t, "expected 'and', 'or' or the end of the filter, found " + t.describe());
    }
    return e;
  }

  /**
   * A column reference as the filter language writes it ({@code a}, {@code a.b},
   * {@code `odd name`}), split into its names.
   *
   * @throws InvalidArgumentException when the text is not a column reference
   */
  static List<String> parseReference(String text) {
    if (text == null) {
      throw new InvalidArgumentException("column name must not be null");
    }
    Parser parser = new Parser(text);
    List<String> path = parser.reference();
    Token t = parser.peek();
    if (t.kind != Kind.END) {
      throw parser.error(t, "expected the end of the column name, found " + t.describe()
          + " (back-quote names with odd characters, e.g. `my col`)");
    }
    return path;
  }

  // ---------------------------------------------------------------- grammar

  private Expression or() {
    Expression left = and();
    while (peek().isKeyword("or")) {
      next++;
      left = Expressions.or(left, and());
    }
    return left;
  }

  private Expression and() {
    Expression left = not();
    while (peek().isKeyword("and")) {
      next++;
      left = Expressions.and(left, not());
    }
    return left;
  }

  private Expression not() {
    if (peek().isKeyword("not")) {
      next++;
      return Expressions.not(not());
    }
    return primary();
  }

  private Expression primary() {
    Token t = peek();
    if (t.kind == Kind.LPAREN) {
      next++;
      Expression e = or();
      expect(Kind.RPAREN, "')'");
      return e;
    }
    if (t.isKeyword("true")) {
      next++;
      return Expressions.alwaysTrue();
    }
    if (t.isKeyword("false")) {
      next++;
      return Expressions.alwaysFalse();
    }
    if (t.kind == Kind.NAME || t.kind == Kind.QUOTED_NAME) {
      return predicate();
    }
    throw error(t, "expected a column name, 'not', 'true', 'false' or '(', found " + t.describe());
  }

  private Expression predicate() {
    Token start = peek();
    List<String> path = reference();
    String column = Printer.reference(path);
    Token t = peek();
    if (t.kind == Kind.OP) {
      next++;
      Object value = literal(t.text);
      try {
        return switch (t.text) {
          case "=", "==" -> ExpressionFactory.predicate(Expression.Operation.EQ, path, List.of(value));
          case "!=", "<>" -> ExpressionFactory.predicate(Expression.Operation.NOT_EQ, path, List.of(value));
          case "<" -> ExpressionFactory.predicate(Expression.Operation.LT, path, List.of(value));
          case "<=" -> ExpressionFactory.predicate(Expression.Operation.LT_EQ, path, List.of(value));
          case ">" -> ExpressionFactory.predicate(Expression.Operation.GT, path, List.of(value));
          case ">=" -> ExpressionFactory.predicate(Expression.Operation.GT_EQ, path, List.of(value));
          default -> throw error(t, "unknown operator '" + t.text + "'");
        };
      } catch (InvalidArgumentException e) {
        throw error(start, e.getMessage());
      }
    }
    boolean negated = false;
    if (t.isKeyword("not")) {
      next++;
      negated = true;
      t = peek();
    }
    if (t.isKeyword("in")) {
      next++;
      expect(Kind.LPAREN, "'(' after 'in'");
      List<Object> values = new ArrayList<>();
      values.add(literal("in"));
      while (peek().kind == Kind.COMMA) {
        next++;
        values.add(literal("','"));
      }
      expect(Kind.RPAREN, "',' or ')' in the 'in' list");
      return ExpressionFactory.predicate(negated ? Expression.Operation.NOT_IN : Expression.Operation.IN, path, values);
    }
    if (t.isKeyword("starts")) {
      next++;
      if (!peek().isKeyword("with")) {
        throw error(peek(), "expected 'with' after 'starts', found " + peek().describe());
      }
      next++;
      Token s = peek();
      if (s.kind != Kind.STRING) {
        throw error(s, "expected a string after 'starts with', found " + s.describe());
      }
      next++;
      return ExpressionFactory.predicate(negated ? Expression.Operation.NOT_STARTS_WITH
          : Expression.Operation.STARTS_WITH, path, List.of(s.value));
    }
    if (negated) {
      throw error(t, "expected 'in' or 'starts with' after 'not', found " + t.describe());
    }
    if (t.isKeyword("is")) {
      next++;
      boolean not = false;
      if (peek().isKeyword("not")) {
        next++;
        not = true;
      }
      Token what = peek();
      if (what.isKeyword("null")) {
        next++;
        return ExpressionFactory.predicate(not ? Expression.Operation.NOT_NULL : Expression.Operation.IS_NULL, path, List.of());
      }
      if (what.isKeyword("nan")) {
        next++;
        return ExpressionFactory.predicate(not ? Expression.Operation.NOT_NAN : Expression.Operation.IS_NAN, path, List.of());
      }
      throw error(what, "expected 'null' or 'nan' after 'is" + (not ? " not" : "") + "', found " + what.describe());
    }
    throw error(t, "expected an operator (= != < <= > >= in, not in, is null, is not null, starts with) after "
        + column + ", found " + t.describe());
  }

  private List<String> reference() {
    List<String> path = new ArrayList<>();
    path.add(name());
    while (peek().kind == Kind.DOT) {
      next++;
      path.add(name());
    }
    return path;
  }

  private String name() {
    Token t = peek();
    if (t.kind == Kind.QUOTED_NAME) {
      next++;
      return (String) t.value;
    }
    if (t.kind == Kind.NAME) {
      if (Printer.RESERVED.contains(t.text.toLowerCase(Locale.ROOT))) {
        throw error(t, "'" + t.text + "' is a keyword; back-quote it to use it as a column name: `" + t.text + "`");
      }
      next++;
      return t.text;
    }
    throw error(t, "expected a column name, found " + t.describe());
  }

  private Object literal(String after) {
    Token t = peek();
    switch (t.kind) {
      case NUMBER:
      case STRING:
      case HEX:
        next++;
        return t.value;
      case NAME:
        if (t.isKeyword("true") || t.isKeyword("false")) {
          next++;
          return Boolean.valueOf(t.text.toLowerCase(Locale.ROOT));
        }
        if (t.isKeyword("null")) {
          throw error(t, "null cannot be compared; use 'is null' or 'is not null'");
        }
        break;
      default:
        break;
    }
    throw error(t, "expected a literal (number, 'string', true, false) after " + quoteAfter(after)
        + ", found " + t.describe());
  }

  private static String quoteAfter(String after) {
    return after.startsWith("'") ? after : "'" + after + "'";
  }

  private void expect(Kind kind, String what) {
    Token t = peek();
    if (t.kind != kind) {
      throw error(t, "expected " + what + ", found " + t.describe());
    }
    next++;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private InvalidArgumentException error(Token at, String message) {
    return error(input, at.position, message);
  }

  private static InvalidArgumentException error(String input, int position, String message) {
    String shown = input.replace('\n', ' ').replace('\r', ' ');
    if (shown.length() > 120) {
      shown = shown.substring(0, 117) + "...";
    }
    return new InvalidArgumentException("invalid filter at position " + (position + 1) + ": " + message
        + " in \"" + shown + "\"");
  }

  // ---------------------------------------------------------------- tokens

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      switch (c) {
        case '(' -> {
          out.add(new Token(Kind.LPAREN, "(", null, start));
          i++;
        }
        case ')' -> {
          out.add(new Token(Kind.RPAREN, ")", null, start));
          i++;
        }
        case ',' -> {
          out.add(new Token(Kind.COMMA, ",", null, start));
          i++;
        }
        case '.' -> {
          out.add(new Token(Kind.DOT, ".", null, start));
          i++;
        }
        case '=' -> {
          i += i + 1 < n && s.charAt(i + 1) == '=' ? 2 : 1;
          out.add(new Token(Kind.OP, s.substring(start, i), null, start));
        }
        case '!' -> {
          if (i + 1 < n && s.charAt(i + 1) == '=') {
            i += 2;
            out.add(new Token(Kind.OP, "!=", null, start));
          } else {
            throw error(s, start, "unexpected character '!' (did you mean '!='?)");
          }
        }
        case '<' -> {
          if (i + 1 < n && (s.charAt(i + 1) == '=' || s.charAt(i + 1) == '>')) {
            i += 2;
          } else {
            i++;
          }
          out.add(new Token(Kind.OP, s.substring(start, i), null, start));
        }
        case '>' -> {
          i += i + 1 < n && s.charAt(i + 1) == '=' ? 2 : 1;
          out.add(new Token(Kind.OP, s.substring(start, i), null, start));
        }
        case '\'' -> {
          StringBuilder sb = new StringBuilder();
          i = quoted(s, i, '\'', sb, "string");
          out.add(new Token(Kind.STRING, s.substring(start, i), sb.toString(), start));
        }
        case '`' -> {
          StringBuilder sb = new StringBuilder();
          i = quoted(s, i, '`', sb, "back-quoted name");
          if (sb.length() == 0) {
            throw error(s, start, "empty column name ``");
          }
          out.add(new Token(Kind.QUOTED_NAME, s.substring(start, i), sb.toString(), start));
        }
        default -> {
          if ((c == 'x' || c == 'X') && i + 1 < n && s.charAt(i + 1) == '\'') {
            StringBuilder sb = new StringBuilder();
            i = quoted(s, i + 1, '\'', sb, "hex literal");
            try {
              byte[] bytes = HexFormat.of().parseHex(sb.toString());
              out.add(new Token(Kind.HEX, s.substring(start, i), ByteBuffer.wrap(bytes).asReadOnlyBuffer(), start));
            } catch (IllegalArgumentException e) {
              throw error(s, start, "invalid hex literal (expected an even number of hex digits)");
            }
          } else if (c == '-' || c == '+' || Character.isDigit(c)) {
            i = number(s, i, out);
          } else if (Character.isLetter(c) || c == '_') {
            while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
              i++;
            }
            out.add(new Token(Kind.NAME, s.substring(start, i), null, start));
          } else {
            throw error(s, start, "unexpected character '" + c + "'");
          }
        }
      }
    }
    out.add(new Token(Kind.END, "", null, n));
    return out;
  }

  /** Reads a quoted text starting at the opening quote; returns the index after the closing one. */
  private static int quoted(String s, int open, char quote, StringBuilder sb, String what) {
    int i = open + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          sb.append(quote);
          i += 2;
          continue;
        }
        return i + 1;
      }
      sb.append(c);
      i++;
    }
    throw error(s, open, "unterminated " + what + " (missing closing " + quote + ")");
  }

  private static int number(String s, int start, List<Token> out) {
    int i = start;
    int n = s.length();
    if (s.charAt(i) == '-' || s.charAt(i) == '+') {
      i++;
    }
    int digits = i;
    while (i < n && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == digits) {
      throw error(s, start, "expected a number after '" + s.charAt(start) + "'");
    }
    boolean integer = true;
    if (i < n && s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
      integer = false;
      i++;
      while (i < n && Character.isDigit(s.charAt(i))) {
        i++;
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int e = i + 1;
      if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
        e++;
      }
      if (e < n && Character.isDigit(s.charAt(e))) {
        integer = false;
        i = e;
        while (i < n && Character.isDigit(s.charAt(i))) {
          i++;
        }
      }
    }
    if (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
      throw error(s, start, "invalid number '" + s.substring(start, i + 1) + "'");
    }
    String text = s.substring(start, i);
    Object value;
    try {
      BigDecimal d = new BigDecimal(text);
      if (integer && d.unscaledValue().bitLength() < 64) {
        value = d.longValueExact();
      } else {
        value = d;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(s, start, "invalid number '" + text + "'");
    }
    out.add(new Token(Kind.NUMBER, text, value, start));
    return i;
  }
}
