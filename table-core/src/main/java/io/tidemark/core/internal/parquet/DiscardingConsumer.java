package io.tidemark.core.internal.parquet;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Takes a record's values and keeps none: lets the writer tree convert (and check) a record without a file. */
final class DiscardingConsumer extends RecordConsumer {
  static final DiscardingConsumer INSTANCE = new DiscardingConsumer();

  private DiscardingConsumer() {}

  @Override
  public void startMessage() {}

  @Override
  public void endMessage() {}

  @Override
  public void startField(String field, int index) {}

  @Override
  public void endField(String field, int index) {}

  @Override
  public void startGroup() {}

  @Override
  public void endGroup() {}

  @Override
  public void addInteger(int value) {}

  @Override
  public void addLong(long value) {}

  @Override
  public void addBoolean(boolean value) {}

  @Override
  public void addBinary(Binary value) {}

  @Override
  public void addFloat(float value) {}

  @Override
  public void addDouble(double value) {}
}
