package io.tidemark.spec.partition;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * never meet. A segment longer than {@value #MAX_SEGMENT_LENGTH} characters is
 * {@link #cap capped}: cut short and ended by {@code ~} and a hash of the whole, so that long
 * values stay within the name limits of file systems (255 bytes) and object stores.
 *
 * <p>The result therefore contains no {@code :}, {@code \}, empty, {@code .} or {@code ..}
 * segment and is safe under spec.md's rule for file paths. Paths are for people and tools that
 * list directories; readers take partition values from the log, never from a path.
 */
public final class PartitionPaths {
  /** How a null partition value is written in a path. */
  public static final String NULL_VALUE = "__NULL__";

  /** The longest segment written in full; longer ones are {@link #cap capped} to this length. */
  public static final int MAX_SEGMENT_LENGTH = 128;
  /** Hexadecimal digits of the hash that ends a capped segment. */
  private static final int HASH_DIGITS = 16;

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
      sb.append(cap(escape(f.name()) + "=" + valueText(f, schema, partitionValues[i])));
    }
    return sb.toString();
  }

  /** The escaped text of one field's value, {@value #NULL_VALUE} for null. */
  private static String valueText(PartitionField f, Schema schema, Object value) {
    if (value == null) {
      return NULL_VALUE;
    }
    String text;
    try {
      text = f.transform().toPathString(f.source(schema).type(), value);
    } catch (ClassCastException | InvalidArgumentException e) {
      throw new InvalidArgumentException("partition field '" + f.name() + "' (" + f.transform()
          + "): value " + value + " is not a value of its result type", e);
    }
    String escaped = escape(text);
    return escaped.equals(NULL_VALUE) ? "%5F" + escaped.substring(1) : escaped;
  }

  /**
   * A segment as written: unchanged up to {@value #MAX_SEGMENT_LENGTH} characters; a longer one
   * becomes its first 111 characters (fewer when that would cut a {@code %XX} escape apart),
   * {@code ~}, and the first {@value #HASH_DIGITS} lower-case hexadecimal digits of the SHA-256
   * of the whole segment's (ASCII) bytes. Escaped text never holds {@code ~}, so a capped
   * segment equals no segment written in full, and two values share a capped directory only
   * when their hashes collide, which is harmless: directories are not values.
   */
  static String cap(String segment) {
    if (segment.length() <= MAX_SEGMENT_LENGTH) {
      return segment;
    }
    int keep = MAX_SEGMENT_LENGTH - 1 - HASH_DIGITS;
    int percent = segment.lastIndexOf('%', keep - 1);
    if (percent >= 0 && percent + 3 > keep) {
      keep = percent; // the escape would not fit whole: leave it out
    }
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(segment.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    StringBuilder sb = new StringBuilder(MAX_SEGMENT_LENGTH).append(segment, 0, keep).append('~');
    for (int i = 0; i < HASH_DIGITS / 2; i++) {
      sb.append(Character.forDigit((hash[i] >>> 4) & 0xf, 16)).append(Character.forDigit(hash[i] & 0xf, 16));
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
