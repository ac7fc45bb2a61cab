package io.tidemark.spec.types;

import java.util.Objects;

/**
 * A map from keys of one type to values of another. Keys are never null. Key and value have
 * field ids of their own.
 *
 * @param keyId the key's field id
 * @param keyType the key type
 * @param valueId the value's field id
 * @param valueType the value type
 * @param valueRequired true when values may not be null
 */
public record MapType(int keyId, Type keyType, int valueId, Type valueType, boolean valueRequired)
    implements Type {
  /** Checks the types are present. */
  public MapType {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
  }

  @Override
  public boolean isNested() {
    return true;
  }

  @Override
  public String toString() {
    return "map<" + keyType + ", " + valueType + (valueRequired ? " not null" : "") + ">";
  }
}
