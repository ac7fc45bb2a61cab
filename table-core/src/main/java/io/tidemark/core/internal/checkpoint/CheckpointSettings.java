package io.tidemark.core.internal.checkpoint;

import io.tidemark.spec.error.InvalidArgumentException;
import java.util.Map;

/**
 * The checkpoint table properties, read and checked in one place.
 *
 * @param interval write a checkpoint after every commit whose version is a multiple of this (0: never)
 * @param manifestMaxFiles the most data files one manifest lists
 */
public record CheckpointSettings(int interval, int manifestMaxFiles) {
  /** Table property: the checkpoint interval. */
  public static final String INTERVAL = "checkpoint.interval";
  /** Default of {@link #INTERVAL}. */
  public static final int INTERVAL_DEFAULT = 100;
  /** Table property: the most data files in one manifest. */
  public static final String MANIFEST_MAX_FILES = "checkpoint.manifest.max-files";
  /** Default of {@link #MANIFEST_MAX_FILES}. */
  public static final int MANIFEST_MAX_FILES_DEFAULT = 500;

  /**
   * The settings of a table.
   *
   * @throws InvalidArgumentException naming the property when a value is not a valid number
   */
  public static CheckpointSettings fromProperties(Map<String, String> properties) {
    return new CheckpointSettings(integer(properties, INTERVAL, INTERVAL_DEFAULT, 0),
        integer(properties, MANIFEST_MAX_FILES, MANIFEST_MAX_FILES_DEFAULT, 1));
  }

  private static int integer(Map<String, String> properties, String key, int defaultValue, int min) {
    String text = properties.get(key);
    if (text == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidArgumentException("table property " + key + " must be an integer of at least " + min
        + ", was '" + text + "'");
  }
}
