package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The directory of a data file's partition under {@code data/}: one segment
 * {@code <name>=<value>} per partition field, in the spec's order, joined by {@code /}, e.g.
 * {@code ts_day=2024-01-02/id_bucket=3}.
 *
 * <p>The name is the partition field's name and the value its transform's
 * {@link Transform#toPathString readable text}, both {@link #escape escaped}: every byte of the
 * UTF-8 form outside {@code [A-Za-z0-9_.-]}, and a {@code .} at the start, becomes {@code %XX}
 * (upper-case hex). A null value is written {@value #NULL_VALUE}; a non-null value whose escaped
 * text would be exactly that has its first byte escaped too ({@code %5F_NULL__}), so the two
 * never meet. The result therefore contains no {@code :}, {@code \}, empty, {@code .} or
 * {@code ..} segment and is safe under spec.md's rule for file paths. Paths are for people and
 * tools that list directories; readers take partition values from the log, never from a path.
 */
public final class PartitionPaths {
  /** How a null partition value is written in a path. */
  public static final String NULL_VALUE = "__NULL__";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PartitionPaths() {}

  /**
   * The partition path of these partition values (one per spec field, in order, as
   * {@link Transform#apply} gives them); the empty string for an unpartitioned spec.
   *
   * @throws InvalidArgumentException when the number of values is not the number of fields, a
   *     source column is not in the schema, or a value is not of its field's result type
   */
  public static String path(PartitionSpec spec, Schema schema, Object[] partitionValues) {
    List<PartitionField> fields = spec.fields();
    PartitionValues.checkCount(spec, partitionValues);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      PartitionField f = fields.get(i);
      if (i > 0) {
        sb.append('/');
      }
      sb.append(escape(f.name())).append('=');
      Object value = partitionValues[i];
      if (value == null) {
        sb.append(NULL_VALUE);
        continue;
      }
      String text;
      try {
        text = f.transform().toPathString(f.source(schema).type(), value);
      } catch (ClassCastException | InvalidArgumentException e) {
        throw new InvalidArgumentException("partition field '" + f.name() + "' (" + f.transform()
            + "): value " + value + " is not a value of its result type", e);
      }
      String escaped = escape(text);
      sb.append(escaped.equals(NULL_VALUE) ? "%5F" + escaped.substring(1) : escaped);
    }
    return sb.toString();
  }

  /**
   * Percent-encodes every byte of the text's UTF-8 form that is not an ASCII letter, digit,
   * {@code _}, {@code .} or {@code -}, and a {@code .} at the start, as {@code %XX} in upper-case
   * hex: {@code a/b c} becomes {@code a%2Fb%20c}, {@code ..} becomes {@code %2E.}.
   */
  public static String escape(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean plain = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_'
          || b == '-' || (b == '.' && i > 0);
      if (plain) {
        sb.append((char) b);
      } else {
        sb.append('%').append(HEX[b >>> 4]).append(HEX[b & 0xf]);
      }
    }
    return sb.toString();
  }
}
