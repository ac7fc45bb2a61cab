package io.tidemark.spec.partition;

import io.tidemark.spec.types.DecimalType;
import io.tidemark.spec.types.Type;

/**
 * {@code identity}: the source value itself, any primitive type; a decimal at its type's scale, a
 * float or double without {@code -0.0} or NaN payloads (spec.md section 8.2).
 */
record IdentityTransform() implements Transform {
  static final IdentityTransform INSTANCE = new IdentityTransform();

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public int parameter() {
    return 0;
  }

  @Override
  public boolean canApplyTo(Type sourceType) {
    return TransformValues.isPrimitive(sourceType);
  }

  @Override
  public Type resultType(Type sourceType) {
    TransformValues.checkApplies(this, sourceType);
    return sourceType;
  }

  @Override
  public Object apply(Type sourceType, Object value) {
    TransformValues.checkApplies(this, sourceType);
    if (value == null) {
      return null;
    }
    if (sourceType instanceof DecimalType d) {
      // one form per value: 14.2 and 14.20 are the same partition of a decimal(9,2)
      return TransformValues.decimal(this, d, value);
    }
    // one partition per value in spec.md's order: -0.0 is 0.0, and every NaN the same NaN
    return TransformValues.canonicalFloating(TransformValues.as(this, sourceType, value,
        Transforms.javaClass(sourceType)));
  }

  @Override
  public boolean preservesOrder() {
    return true;
  }

  @Override
  public String toPathString(Type sourceType, Object partitionValue) {
    return TransformValues.text(sourceType, partitionValue);
  }

  @Override
  public String toString() {
    return "identity";
  }
}
