package io.tidemark.spec.error;

/**
 * A location that an operation was about to read, write or delete resolves outside its table's
 * root: through a symbolic link, a {@code ..} segment, or an encoding the storage decodes. The
 * operation refuses it and touches nothing there.
 */
public class OutsideTableException extends TidemarkException {
  private final String location;
  private final String root;

  /**
   * An error about one location.
   *
   * @param location the location as the table named it
   * @param root the table root it should be inside
   * @param why how it leaves the root (for example, which link it resolves through)
   */
  public OutsideTableException(String location, String root, String why) {
    super(location + " is outside the table at " + root + " (" + why + "); refusing to touch it");
    this.location = location;
    this.root = root;
  }

  /** The location that resolves outside the table. */
  public String location() {
    return location;
  }

  /** The table root. */
  public String root() {
    return root;
  }
}
