package io.tidemark.core.internal.parquet;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.expr.Expression;
import io.tidemark.core.internal.deletes.DeletedRows;
import io.tidemark.core.internal.expr.RowEvaluator;
import io.tidemark.core.internal.expr.StrictEvaluator;
import io.tidemark.core.internal.io.StorageErrors;
import io.tidemark.core.io.InputFile;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.StructType;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a data file's records projected onto a schema. Columns are matched by Parquet field id,
 * never by name or position: a projected field whose id is not in the file reads as null, and
 * its type may be wider than the file's (int to long, float to double, decimal to a larger
 * precision at the same scale). Nested struct, list and map fields are matched by id too.
 */
public final class DataFileReader {
  private DataFileReader() {}

  /**
   * Opens a data file for reading, one row group at a time, only the columns the projection needs.
   * Records have {@code projection.asStruct()} as their struct. Close the iterator when done
   * (it closes itself once exhausted).
   *
   * @throws StorageException naming the file when it cannot be read or is not a Parquet file
   * @throws io.tidemark.spec.error.SchemaMismatchException when a projected field is in the file
   *     with a type that cannot be read as the projected type
   */
  public static CloseableIterator<Record> open(InputFile file, Schema projection) {
    return open(file, projection, null, null);
  }

  /**
   * Opens a data file reading only the row groups whose statistics (and dictionaries) may hold
   * rows matching a filter. The records returned are not filtered: apply the filter to them.
   *
   * @param boundFilter a filter bound to the table schema, or null to read every row group
   * @param metrics counts row groups in the file and row groups read, or null
   */
  public static CloseableIterator<Record> open(InputFile file, Schema projection, Expression boundFilter,
      ReadMetrics metrics) {
    return open(file, projection, boundFilter, metrics, 0, -1);
  }

  /**
   * Opens a byte range of a data file, like {@link #open(InputFile, Schema, Expression, ReadMetrics)}:
   * only the row groups whose middle byte falls in {@code [start, start + length)} are read, so the
   * ranges that cover a file share its row groups out exactly once.
   *
   * @param length the range's length, or -1 for the whole file
   */
  public static CloseableIterator<Record> open(InputFile file, Schema projection, Expression boundFilter,
      ReadMetrics metrics, long start, long length) {
    return open(file, projection, boundFilter, metrics, start, length, null);
  }

  /**
   * Like {@link #open(InputFile, Schema, Expression, ReadMetrics, long, long)}, leaving out the rows
   * at deleted positions, and saying where each row returned is (positions count from 0 over the
   * whole file, and stay known when row groups and pages are skipped).
   *
   * @param deleted the file's deleted rows, or null when none is
   */
  public static PositionedRecords open(InputFile file, Schema projection, Expression boundFilter,
      ReadMetrics metrics, long start, long length, DeletedRows deleted) {
    return open(file, projection, boundFilter, false, metrics, start, length, deleted);
  }

  /**
   * Like {@link #open(InputFile, Schema, Expression, ReadMetrics, long, long, DeletedRows)}, but
   * returns only the rows that match the filter: each row is tested, except in the row groups
   * whose statistics in the file's own footer prove that every row matches (then neither
   * Parquet's record filter nor the test runs, and the pages are not filtered by their column
   * indexes). The log's statistics are never taken as that proof: a damaged log must make a scan
   * return fewer rows, never rows that do not match.
   *
   * @param projection the columns to read: those of the filter among them
   * @param boundFilter a filter bound to the table schema, or null when every row matches
   */
  public static PositionedRecords openMatching(InputFile file, Schema projection, Expression boundFilter,
      ReadMetrics metrics, long start, long length, DeletedRows deleted) {
    return open(file, projection, boundFilter, boundFilter != null, metrics, start, length, deleted);
  }

  private static PositionedRecords open(InputFile file, Schema projection, Expression boundFilter, boolean exact,
      ReadMetrics metrics, long start, long length, DeletedRows deleted) {
    String location = file.location();
    ParquetFileReader reader;
    FilterPredicate rowFilter = null;
    boolean[] proven = null;
    org.apache.parquet.io.SeekableInputStream stream = null;
    try {
      ParquetReadOptions.Builder options = ParquetReadOptions.builder(new PlainParquetConfiguration())
          .withCodecFactory(new Codecs());
      if (length >= 0) {
        options.withRange(start, start + length);
      }
      org.apache.parquet.io.InputFile input = ParquetInput.of(file);
      // one stream for the footer and the pages: the footer is read once and decides the filtering
      stream = new ParquetInput.Stream(file.newStream());
      ParquetMetadata footer = ParquetFileReader.readFooter(input, options.build(), stream);
      MessageType fileSchema = footer.getFileMetaData().getSchema();
      int total = footer.getBlocks().size();
      if (exact) {
        proven = proven(boundFilter, footer.getBlocks(), fileSchema, projection);
      }
      boolean allProven = proven != null && allTrue(proven);
      if (boundFilter != null && !allProven) {
        rowFilter = ParquetFilters.convert(boundFilter, fileSchema);
        if (rowFilter != null) {
          options.withRecordFilter(FilterCompat.get(rowFilter)).useStatsFilter(true).useDictionaryFilter(true)
              .useBloomFilter(false);
        }
      }
      reader = ParquetFileReader.open(input, footer, options.build(), stream);
      stream = null; // the reader closes it
      if (rowFilter != null && proven != null) {
        // the row-group filter may have dropped row groups: prove those that remain
        proven = proven(boundFilter, reader.getRowGroups(), fileSchema, projection);
      }
      count(metrics, total, reader);
      if (metrics != null && proven != null) {
        int n = 0;
        for (boolean p : proven) {
          n += p ? 1 : 0;
        }
        metrics.addProven(n);
      }
    } catch (TidemarkException e) {
      closeQuietly(stream);
      throw e;
    } catch (IOException | RuntimeException e) {
      closeQuietly(stream);
      throw StorageErrors.failed("cannot open data file", location, e);
    }
    try {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      ProjectionReader.Plan plan = ProjectionReader.plan(fileSchema, projection, location);
      RowEvaluator evaluator = exact && !(proven != null && allTrue(proven)) ? new RowEvaluator(boundFilter) : null;
      if (plan.requested() == null) {
        List<BlockMetaData> blocks = List.copyOf(reader.getRowGroups());
        closeQuietly(reader);
        if (evaluator != null && !evaluator.matches(Record.trusted(projection.asStruct(),
            new Object[projection.columns().size()]))) {
          blocks = List.of(); // none of the filter's columns is in the file, and null does not match
        }
        return new NullRecords(projection.asStruct(), blocks, deleted);
      }
      reader.setRequestedSchema(plan.requested());
      MessageColumnIO columnIO = new ColumnIOFactory().getColumnIO(plan.requested(), fileSchema);
      return new Records(reader, location, columnIO, plan.materializer(), rowFilter, deleted, evaluator, proven,
          plan.skip());
    } catch (TidemarkException e) {
      closeQuietly(reader);
      throw e;
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw StorageErrors.failed("cannot read data file", location, e);
    }
  }

  /** Per row group, whether its footer statistics prove that every row matches the filter. */
  private static boolean[] proven(Expression boundFilter, List<BlockMetaData> blocks, MessageType fileSchema,
      Schema projection) {
    StrictEvaluator strict = new StrictEvaluator(boundFilter);
    RowGroupBounds bounds = new RowGroupBounds(fileSchema, projection);
    boolean[] out = new boolean[blocks.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = strict.allMatch(bounds.of(blocks.get(i)));
    }
    return out;
  }

  private static boolean allTrue(boolean[] values) {
    for (boolean v : values) {
      if (!v) {
        return false;
      }
    }
    return true;
  }

  private static void count(ReadMetrics metrics, int total, ParquetFileReader reader) {
    if (metrics != null) {
      metrics.add(total, reader.getRowGroups().size(),
          reader.getRowGroups().stream().mapToLong(BlockMetaData::getCompressedSize).sum());
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      // nothing more to do
    }
  }

  /**
   * Records of a file read row group by row group. With a filter, Parquet reads only the pages
   * whose column-index bounds may match and skips the records that do not (the filter is
   * inclusive, so the caller still applies the exact one); without, every record is read.
   */
  private static final class Records implements PositionedRecords {
    private final ParquetFileReader reader;
    private final String location;
    private final MessageColumnIO columnIO;
    private final RecordMaterializer<Record> materializer;
    private final FilterCompat.Filter filter;
    private final DeletedRows deleted;
    private final ProjectionReader.Skip skip;
    /** Tests rows of the row groups not proven to match, or null when the caller tests them. */
    private final RowEvaluator evaluator;
    /** Per row group read, whether every row matches: then neither filter runs. Null: none is. */
    private final boolean[] proven;
    private int rowGroup = -1;
    private boolean check;
    private RecordReader<Record> rows;
    private long remaining;
    /** The position of the next row read when the pages are read whole. */
    private long sequential;
    /** The row indexes (within the row group) of the rows of the pages read, when pages were skipped. */
    private PrimitiveIterator.OfLong rowIndexes;
    private long rowGroupOffset;
    private long nextPosition;
    private long position = -1;
    private Record next;
    private boolean closed;

    Records(ParquetFileReader reader, String location, MessageColumnIO columnIO,
        RecordMaterializer<Record> materializer, FilterPredicate rowFilter, DeletedRows deleted,
        RowEvaluator evaluator, boolean[] proven, ProjectionReader.Skip skip) {
      this.reader = reader;
      this.skip = skip;
      this.evaluator = evaluator;
      this.proven = proven;
      this.deleted = deleted;
      this.location = location;
      this.columnIO = columnIO;
      this.materializer = materializer;
      this.filter = rowFilter == null ? null : FilterCompat.get(rowFilter);
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (remaining == 0 && !nextRowGroup()) {
          return false;
        }
        remaining--;
        try {
          nextPosition = rowIndexes != null ? rowGroupOffset + rowIndexes.nextLong() : sequential++;
          boolean gone = deleted != null && deleted.isDeleted(nextPosition);
          if (gone) {
            // decoded to move on, not converted: the record is dropped whatever its values
            skip.set(true);
            try {
              rows.read();
            } finally {
              skip.set(false);
            }
            continue;
          }
          next = rows.read();
          if (next != null && check && filter != null && rows.shouldSkipCurrentRecord()) {
            next = null;
          }
          if (next != null && check && evaluator != null && !evaluator.matches(next)) {
            next = null;
          }
        } catch (TidemarkException e) {
          close();
          throw e;
        } catch (RuntimeException e) {
          close();
          throw StorageErrors.failed("cannot read data file", location, e);
        }
      }
      return true;
    }

    /** Moves to the next row group with rows to read; false at the end of the file. */
    private boolean nextRowGroup() {
      while (remaining == 0) {
        if (closed) {
          return false;
        }
        PageReadStore pages;
        rowGroup++;
        check = proven == null || rowGroup >= proven.length || !proven[rowGroup];
        boolean filtered = filter != null && check;
        try {
          pages = filtered ? reader.readNextFilteredRowGroup() : reader.readNextRowGroup();
        } catch (IOException | RuntimeException e) {
          close();
          throw StorageErrors.failed("cannot read data file", location, e);
        }
        if (pages == null) {
          close();
          return false;
        }
        remaining = pages.getRowCount();
        rowGroupOffset = pages.getRowIndexOffset().orElseThrow(() -> new IllegalStateException(
            "the Parquet reader gives no row position for a row group of " + location));
        sequential = rowGroupOffset;
        // present when column indexes let the reader skip pages: the rows left, by index in the group
        rowIndexes = pages.getRowIndexes().orElse(null);
        rows = filtered ? columnIO.getRecordReader(pages, materializer, filter)
            : columnIO.getRecordReader(pages, materializer);
      }
      return true;
    }

    @Override
    public Record next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more records in " + location);
      }
      Record out = next;
      next = null;
      position = nextPosition;
      return out;
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      remaining = 0;
      rows = null;
      closeQuietly(reader);
    }
  }

  /** The records of a file none of whose columns the projection needs: all fields null. */
  private static final class NullRecords implements PositionedRecords {
    private final StructType struct;
    private final List<BlockMetaData> blocks;
    private final DeletedRows deleted;
    private int block = -1;
    private long nextPosition = -1;
    private long end;
    private long position = -1;

    NullRecords(StructType struct, List<BlockMetaData> blocks, DeletedRows deleted) {
      this.struct = struct;
      this.blocks = blocks;
      this.deleted = deleted;
    }

    @Override
    public boolean hasNext() {
      while (true) {
        if (nextPosition >= 0 && nextPosition < end) {
          if (deleted == null || !deleted.isDeleted(nextPosition)) {
            return true;
          }
          nextPosition++;
          continue;
        }
        if (++block >= blocks.size()) {
          nextPosition = -1;
          end = 0;
          return false;
        }
        nextPosition = blocks.get(block).getRowIndexOffset();
        end = nextPosition + blocks.get(block).getRowCount();
      }
    }

    @Override
    public Record next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      position = nextPosition++;
      return Record.trusted(struct, new Object[struct.fields().size()]);
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public void close() {
      block = blocks.size();
      nextPosition = -1;
      end = 0;
    }
  }
}
