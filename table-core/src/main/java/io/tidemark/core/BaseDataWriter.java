package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.core.internal.snapshot.ProtocolSupport;
import io.tidemark.core.internal.snapshot.TableState;
import io.tidemark.core.internal.write.PartitionedWriter;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** Writes rows into forced, uncommitted data files of the table's schema and default spec. */
final class BaseDataWriter implements DataWriter {
  private final Schema schema;
  private final Metadata metadata;
  private final PartitionedWriter files;
  private boolean done;

  BaseDataWriter(BaseTable table, TableState read) {
    ProtocolSupport.checkWritable(read.protocol(), table.location());
    this.metadata = read.metadata();
    this.schema = metadata.schema();
    // forced as each file is closed: the commit may happen in another process, which cannot force them
    this.files = PartitionedWriter.forTable(table.io(), table.location(), read.metadata());
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public void write(Record record) {
    checkOpen();
    StructType struct = record.struct();
    if (struct != schema.asStruct() && !struct.equals(schema.asStruct())) {
      throw BaseAppendWriter.mismatch(schema.asStruct(), record.struct(), "");
    }
    files.write(record);
  }

  @Override
  public List<DataFile> finish() {
    checkOpen();
    done = true;
    List<AddFile> written;
    try {
      written = files.finish();
    } catch (RuntimeException e) {
      files.abort();
      throw e;
    }
    List<DataFile> out = new ArrayList<>(written.size());
    for (AddFile add : written) {
      out.add(DataFile.of(add, metadata));
    }
    return out;
  }

  @Override
  public void abort() {
    if (!done) {
      done = true;
      files.abort();
    }
  }

  @Override
  public void close() {
    abort();
  }

  private void checkOpen() {
    if (done) {
      throw new InvalidArgumentException("this data writer has finished or was aborted; make a new one");
    }
  }
}
