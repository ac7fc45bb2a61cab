package io.tidemark.spec.error;

/** A value or a file does not fit the table's schema. Names the field, what was expected and what was found. */
public class SchemaMismatchException extends TidemarkException {
  private final String field;
  private final String expected;
  private final String found;

  /**
   * @param field the field's name (dotted for nested fields)
   * @param expected the type or shape the schema requires
   * @param found what was given instead
   */
  public SchemaMismatchException(String field, String expected, String found) {
    super("field '" + field + "': expected " + expected + ", found " + found);
    this.field = field;
    this.expected = expected;
    this.found = found;
  }

  /** The field that did not match. */
  public String field() {
    return field;
  }

  /** What the schema requires. */
  public String expected() {
    return expected;
  }

  /** What was given. */
  public String found() {
    return found;
  }
}
