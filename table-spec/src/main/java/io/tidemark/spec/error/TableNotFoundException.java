package io.tidemark.spec.error;

/** No table exists at the location: there is no commit file for version 0. */
public class TableNotFoundException extends TidemarkException {
  /** @param location the table location that was looked up */
  public TableNotFoundException(String location) {
    super("no table at " + location);
  }
}
