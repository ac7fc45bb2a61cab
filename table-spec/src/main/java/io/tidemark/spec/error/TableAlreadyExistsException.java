package io.tidemark.spec.error;

/** A table was to be created where one already exists. */
public class TableAlreadyExistsException extends TidemarkException {
  /** @param location the table location */
  public TableAlreadyExistsException(String location) {
    super("a table already exists at " + location);
  }
}
