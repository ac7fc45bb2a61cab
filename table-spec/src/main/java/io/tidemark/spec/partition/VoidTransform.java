package io.tidemark.spec.partition;

import io.tidemark.spec.types.Type;

/** {@code void}: always null, of the source type; any primitive type. */
record VoidTransform() implements Transform {
  static final VoidTransform INSTANCE = new VoidTransform();

  @Override
  public String name() {
    return "void";
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
    return null;
  }

  @Override
  public boolean preservesOrder() {
    return false;
  }

  @Override
  public String toPathString(Type sourceType, Object partitionValue) {
    return PartitionPaths.NULL_VALUE;
  }

  @Override
  public String toString() {
    return "void";
  }
}
