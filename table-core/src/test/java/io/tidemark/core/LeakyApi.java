package io.tidemark.core;

import io.tidemark.core.internal.commit.TableContext;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.spec.actions.AddFile;
import java.util.List;

/**
 * A public type that shows implementation in every kind of signature; {@link PublicApiTest}
 * proves its check finds each one.
 */
public class LeakyApi {
  /** A visible field of an internal type. */
  public TableContext internal;

  /** Returns an internal type. */
  public TableState state() {
    return null;
  }

  /** Takes a wire-format type, as a type argument. */
  public void files(List<AddFile> files) {}

  /** Not visible: may use anything. */
  void hiddenFiles(List<AddFile> files) {}

  /** Extends an internal type. */
  public abstract static class Sub implements TableContext {}
}
