package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.Record;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Hands records to Parquet through the writer tree, which also counts what the file statistics need. */
final class RecordWriteSupport extends WriteSupport<Record> {
  /** The key-value metadata key naming the writer. */
  static final String WRITER_KEY = "tidemark.writer";
  /** The writer's name and version. */
  static final String WRITER_VERSION = "tidemark 0.1.0";

  private final MessageType schema;
  private final ValueWriters.Root root;
  private RecordConsumer consumer;

  RecordWriteSupport(MessageType schema, ValueWriters.Root root) {
    this.schema = schema;
    this.root = root;
  }

  @Override
  @SuppressWarnings("deprecation")
  public WriteContext init(Configuration configuration) {
    return context();
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return context();
  }

  private WriteContext context() {
    return new WriteContext(schema, Map.of(WRITER_KEY, WRITER_VERSION));
  }

  @Override
  public String getName() {
    return "tidemark";
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Record record) {
    root.write(consumer, record);
  }
}
