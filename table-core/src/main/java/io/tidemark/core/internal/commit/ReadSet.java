package io.tidemark.core.internal.commit;

import io.tidemark.spec.actions.AddFile;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a serializable transaction (delete, overwrite, restore) read, so that a rebase over a
 * concurrent commit can tell whether that commit changed what it read (spec.md 11.2).
 *
 * @param files paths of the data files the transaction read; a concurrent commit that removes one
 *     conflicts
 * @param scope true for a file a concurrent commit added that may hold rows the transaction's
 *     predicate matches (partition values and column statistics, conservatively)
 * @param predicate the read predicate in the filter language, for error messages
 * @param wholeTable true when the transaction depends on the whole table: every concurrent data
 *     change (an add or remove with {@code dataChange} true) conflicts
 */
public record ReadSet(Set<String> files, Predicate<AddFile> scope, String predicate, boolean wholeTable) {
  /** Copies the set. */
  public ReadSet {
    files = Set.copyOf(files);
  }

  /** A transaction that depends on the whole table (restore). */
  public static ReadSet wholeTable(String description) {
    return new ReadSet(Set.of(), f -> true, description, true);
  }

  /**
   * What two reads of one transaction read together: a concurrent commit conflicts with the union
   * when it conflicts with either. Either may be null.
   */
  public static ReadSet union(ReadSet a, ReadSet b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    Set<String> files = new HashSet<>(a.files());
    files.addAll(b.files());
    Predicate<AddFile> scope = a.scope().or(b.scope());
    return new ReadSet(files, scope, a.predicate() + "; " + b.predicate(), a.wholeTable() || b.wholeTable());
  }
}
