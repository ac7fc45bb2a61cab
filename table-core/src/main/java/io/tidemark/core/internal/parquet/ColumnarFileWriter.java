package io.tidemark.core.internal.parquet;

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
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes records of a schema without repeated fields (primitives and structs, no lists or maps)
 * straight into Parquet's column writers, without parquet-hadoop's general record consumer. That
 * consumer keeps, for every record, a bit set of the fields seen at each level and fills in nulls
 * for the missing ones by walking the schema; without repetition, every field maps to a fixed
 * range of leaf columns, so this writer needs neither. Row groups are cut as parquet-hadoop's
 * writer cuts them (the buffered size is checked at the same record counts), and the files are
 * the same byte for byte.
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
  /** The message's fields and their leaf columns, the same for every row group. */
  private final Group fields;
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

  /** Whether no field of the schema, at any depth, is repeated: no lists and no maps. */
  static boolean supports(MessageType schema) {
    return noneRepeated(schema);
  }

  private static boolean noneRepeated(GroupType group) {
    for (Type field : group.getFields()) {
      if (field.isRepetition(Type.Repetition.REPEATED) || (!field.isPrimitive() && !noneRepeated(field.asGroupType()))) {
        return false;
      }
    }
    return true;
  }

  ColumnarFileWriter(OutputFile output, MessageType schema, RecordWriteSupport writeSupport, ValueWriters.Root root,
      CompressionCodecFactory codecs, CompressionCodecName codec, long rowGroupSize, boolean dictionary)
      throws IOException {
    if (!supports(schema)) {
      throw new IllegalArgumentException("a schema with repeated fields: " + schema);
    }
    this.schema = schema;
    this.writeSupport = writeSupport;
    this.root = root;
    this.codecs = codecs;
    this.props = ParquetProperties.builder().withDictionaryEncoding(dictionary).build();
    this.rowGroupSize = rowGroupSize;
    this.rowGroupRowLimit = props.getRowGroupRowCountLimit();
    this.nextRowGroupSize = rowGroupSize;
    this.fields = new Group(schema, 0, new int[1]);
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
    consumer = new Columns(schema, fields, columns);
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
   * One group of the schema (the message, or a struct) as the consumer walks it: for each field,
   * the leaf columns under it and the definition level of a value present there.
   */
  private static final class Group {
    final Group[] structs;
    final int[] firstColumn;
    final int[] endColumn;
    final int[] definition;
    /** The definition level of this group itself when present (0 for the message). */
    final int ownDefinition;

    Group(GroupType type, int ownDefinition, int[] nextColumn) {
      int n = type.getFieldCount();
      this.ownDefinition = ownDefinition;
      this.structs = new Group[n];
      this.firstColumn = new int[n];
      this.endColumn = new int[n];
      this.definition = new int[n];
      for (int i = 0; i < n; i++) {
        Type field = type.getType(i);
        definition[i] = ownDefinition + (field.isRepetition(Type.Repetition.OPTIONAL) ? 1 : 0);
        firstColumn[i] = nextColumn[0];
        if (field.isPrimitive()) {
          nextColumn[0]++;
        } else {
          structs[i] = new Group(field.asGroupType(), definition[i], nextColumn);
        }
        endColumn[i] = nextColumn[0];
      }
    }
  }

  /**
   * The record consumer of a schema without repeated fields: every field maps to a fixed range of
   * leaf columns. Fields come in order and a null one is left out, so the fields skipped before a
   * field, and those left at the end of a group, are nulls at the group's own definition level.
   */
  private static final class Columns extends RecordConsumer {
    private final ColumnWriteStore store;
    private final ColumnWriter[] writers;
    private final Group[] groups;
    private final int[] next;
    private final int[] field;
    private int depth;
    private ColumnWriter writer;
    private int definition;

    Columns(MessageType schema, Group message, ColumnWriteStore store) {
      this.store = store;
      List<ColumnDescriptor> descriptors = schema.getColumns();
      this.writers = new ColumnWriter[descriptors.size()];
      for (int i = 0; i < writers.length; i++) {
        writers[i] = store.getColumnWriter(descriptors.get(i));
      }
      int levels = descriptors.stream().mapToInt(d -> d.getPath().length).max().orElse(1);
      this.groups = new Group[levels];
      this.next = new int[levels];
      this.field = new int[levels];
      groups[0] = message;
    }

    @Override
    public void startMessage() {
      depth = 0;
      next[0] = 0;
    }

    @Override
    public void endMessage() {
      writeNullsBefore(groups[0].structs.length);
      store.endRecord();
    }

    @Override
    public void startField(String name, int index) {
      writeNullsBefore(index);
      Group group = groups[depth];
      field[depth] = index;
      writer = writers[group.firstColumn[index]];
      definition = group.definition[index];
    }

    /** Nulls for the fields of the current group from the next expected one up to {@code index}. */
    private void writeNullsBefore(int index) {
      Group group = groups[depth];
      if (next[depth] < index) {
        for (int c = group.firstColumn[next[depth]]; c < group.endColumn[index - 1]; c++) {
          writers[c].writeNull(0, group.ownDefinition);
        }
      }
      next[depth] = index;
    }

    @Override
    public void endField(String name, int index) {
      next[depth] = index + 1;
    }

    @Override
    public void startGroup() {
      Group struct = groups[depth].structs[field[depth]];
      depth++;
      groups[depth] = struct;
      next[depth] = 0;
    }

    @Override
    public void endGroup() {
      writeNullsBefore(groups[depth].structs.length);
      depth--;
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
