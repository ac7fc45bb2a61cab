package io.tidemark.core.parquet;

import io.tidemark.core.data.Record;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes records of a flat schema (top-level primitive columns only) straight into Parquet's
 * column writers, without parquet-hadoop's general record consumer. That consumer keeps, for
 * every record, a bit set of the fields seen at each level and fills in nulls for the missing ones
 * by walking the schema; for a flat schema the column of a value is its field's position, so
 * this writer needs neither. Row groups are cut as parquet-hadoop's writer cuts them (the
 * buffered size is checked at the same record counts), and the files are the same byte for byte.
 */
final class ColumnarFileWriter implements RecordFileWriter {
  private final ParquetFileWriter file;
  private final MessageType schema;
  private final ParquetProperties props;
  private final CompressionCodecFactory codecs;
  private final CompressionCodecFactory.BytesInputCompressor compressor;
  private final RecordWriteSupport writeSupport;
  private final ValueWriters.Root root;
  private final Map<String, String> metadata;
  private final long rowGroupSize;
  private final int rowGroupRowLimit;
  private long nextRowGroupSize;

  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore columns;
  private Columns consumer;
  private long recordCount;
  private long recordCountForNextMemCheck;
  private long lastRowGroupEndPos;
  private int rowGroupOrdinal;
  private boolean closed;

  /** Whether every field of the schema is a primitive column at the top level. */
  static boolean supports(MessageType schema) {
    for (Type field : schema.getFields()) {
      if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
        return false;
      }
    }
    return true;
  }

  ColumnarFileWriter(OutputFile output, MessageType schema, RecordWriteSupport writeSupport, ValueWriters.Root root,
      CompressionCodecFactory codecs, CompressionCodecName codec, long rowGroupSize, boolean dictionary)
      throws IOException {
    if (!supports(schema)) {
      throw new IllegalArgumentException("not a flat schema: " + schema);
    }
    this.schema = schema;
    this.writeSupport = writeSupport;
    this.root = root;
    this.codecs = codecs;
    this.props = ParquetProperties.builder().withDictionaryEncoding(dictionary).build();
    this.rowGroupSize = rowGroupSize;
    this.rowGroupRowLimit = props.getRowGroupRowCountLimit();
    this.nextRowGroupSize = rowGroupSize;
    WriteSupport.WriteContext context = writeSupport.init(new PlainParquetConfiguration());
    this.metadata = new HashMap<>(context.getExtraMetaData());
    this.file = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.CREATE, rowGroupSize,
        ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, props);
    this.compressor = codecs.getCompressor(codec);
    file.start();
    startRowGroup();
    recordCountForNextMemCheck = props.getMinRowCountForPageSizeCheck();
  }

  private void startRowGroup() {
    pages = ColumnChunkPageWriteStore.builder()
        .withCompressorProvider(column -> compressor)
        .withSchema(schema)
        .withAllocator(props.getAllocator())
        .withColumnIndexTruncateLength(props.getColumnIndexTruncateLength())
        .withPageWriteChecksumEnabled(props.getPageWriteChecksumEnabled())
        .withRowGroupOrdinal(rowGroupOrdinal)
        .build();
    columns = props.newColumnWriteStore(schema, pages, pages);
    consumer = new Columns(schema, columns);
  }

  @Override
  public void write(Record record) throws IOException {
    root.write(consumer, record);
    recordCount++;
    if (recordCount >= recordCountForNextMemCheck || recordCount >= rowGroupRowLimit) {
      checkRowGroupSize();
    }
  }

  /** Cuts the row group when the buffered size nears its limit, checking as parquet-hadoop does. */
  private void checkRowGroupSize() throws IOException {
    int minCheck = props.getMinRowCountForPageSizeCheck();
    int maxCheck = props.getMaxRowCountForPageSizeCheck();
    if (recordCount >= rowGroupRowLimit) {
      cutRowGroup();
      return;
    }
    long buffered = columns.getBufferedSize();
    long recordSize = buffered / recordCount;
    if (buffered > nextRowGroupSize - 2 * recordSize) {
      cutRowGroup();
    } else {
      long halfway = (recordCount + (long) (nextRowGroupSize / ((float) recordSize))) / 2;
      recordCountForNextMemCheck = Math.min(Math.max(minCheck, halfway), recordCount + maxCheck);
    }
  }

  private void cutRowGroup() throws IOException {
    long written = recordCount;
    flushRowGroup();
    startRowGroup();
    recordCountForNextMemCheck = Math.min(Math.max(props.getMinRowCountForPageSizeCheck(), written / 2),
        props.getMaxRowCountForPageSizeCheck());
    lastRowGroupEndPos = file.getPos();
  }

  private void flushRowGroup() throws IOException {
    try {
      if (recordCount > 0) {
        rowGroupOrdinal++;
        file.startBlock(recordCount);
        columns.flush();
        pages.flushToFileWriter(file);
        recordCount = 0;
        file.endBlock();
        nextRowGroupSize = Math.min(file.getNextRowGroupSize(), rowGroupSize);
      }
    } finally {
      columns.close();
      pages.close();
    }
  }

  @Override
  public long dataSize() {
    return lastRowGroupEndPos + columns.getBufferedSize();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flushRowGroup();
      String model = writeSupport.getName();
      if (model != null) {
        metadata.put(ParquetWriter.OBJECT_MODEL_NAME_PROP, model);
      }
      metadata.putAll(writeSupport.finalizeWrite().getExtraMetaData());
      file.end(metadata);
    } catch (IOException | RuntimeException e) {
      file.abort();
      throw e;
    } finally {
      codecs.release();
    }
  }

  @Override
  public ParquetMetadata footer() {
    return file.getFooter();
  }

  /**
   * The record consumer of a flat schema: a field's position is its column. Fields come in
   * order, and a null one is left out, so the columns skipped before a field, and those left at
   * the end of a record, are nulls.
   */
  private static final class Columns extends RecordConsumer {
    private final ColumnWriteStore store;
    private final ColumnWriter[] writers;
    private final int[] maxDefinition;
    private int next;
    private ColumnWriter writer;
    private int definition;

    Columns(MessageType schema, ColumnWriteStore store) {
      this.store = store;
      List<ColumnDescriptor> descriptors = schema.getColumns();
      this.writers = new ColumnWriter[descriptors.size()];
      this.maxDefinition = new int[descriptors.size()];
      for (int i = 0; i < writers.length; i++) {
        writers[i] = store.getColumnWriter(descriptors.get(i));
        maxDefinition[i] = descriptors.get(i).getMaxDefinitionLevel();
      }
    }

    @Override
    public void startMessage() {
      next = 0;
    }

    @Override
    public void endMessage() {
      writeNullsBefore(writers.length);
      store.endRecord();
    }

    @Override
    public void startField(String field, int index) {
      writeNullsBefore(index);
      writer = writers[index];
      definition = maxDefinition[index];
      next = index + 1;
    }

    private void writeNullsBefore(int index) {
      for (int i = next; i < index; i++) {
        writers[i].writeNull(0, 0);
      }
    }

    @Override
    public void endField(String field, int index) {}

    @Override
    public void startGroup() {
      throw new UnsupportedOperationException("a flat schema has no groups");
    }

    @Override
    public void endGroup() {
      throw new UnsupportedOperationException("a flat schema has no groups");
    }

    @Override
    public void addInteger(int value) {
      writer.write(value, 0, definition);
    }

    @Override
    public void addLong(long value) {
      writer.write(value, 0, definition);
    }

    @Override
    public void addBoolean(boolean value) {
      writer.write(value, 0, definition);
    }

    @Override
    public void addBinary(Binary value) {
      writer.write(value, 0, definition);
    }

    @Override
    public void addFloat(float value) {
      writer.write(value, 0, definition);
    }

    @Override
    public void addDouble(double value) {
      writer.write(value, 0, definition);
    }
  }
}
