package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.ForwardingFileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.core.io.SeekableInputStream;
import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.MissingDataFileException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan reading several files at once on threads of its own returns exactly the rows of the
 * sequential scan in the same order, ends its threads and closes its files when closed part-way,
 * and throws a worker's failure on the reading thread.
 */
class ParallelScanTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, ts timestamp not null, s string");
  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  private static final int COMMITS = 6;
  private static final int DAYS = 8;
  private static final int ROWS_PER_COMMIT = 4_000;

  @TempDir
  Path dir;
  private final StreamCountingFileIO io = new StreamCountingFileIO();
  private Table table;

  @BeforeEach
  void write() {
    table = Tables.create(io, dir.resolve("t").toString(), SCHEMA, PartitionSpec.builderFor(SCHEMA).day("ts").build(),
        Map.of());
    long id = 0;
    for (int c = 0; c < COMMITS; c++) {
      try (AppendWriter writer = table.newAppend()) {
        for (int i = 0; i < ROWS_PER_COMMIT; i++, id++) {
          // every commit writes one file per day, of a few thousand rows (several batches)
          writer.write(Record.of(SCHEMA, id, START.plusSeconds((id * 7919 % (DAYS * 86_400L))), "r" + id % 97));
        }
        writer.commit();
      }
    }
  }

  @Test
  void rowsAndTheirOrderAreThoseOfTheSequentialScanOverManyRounds() {
    List<Long> sequential = ids(table.newScan());
    assertThat(sequential).hasSize(COMMITS * ROWS_PER_COMMIT);
    List<Long> day = ids(table.newScan().filter("ts >= '2024-03-03T00:00:00Z' and ts < '2024-03-04T12:00:00Z'"));
    assertThat(day).isNotEmpty().hasSizeLessThan(sequential.size());
    for (int round = 0; round < 25; round++) {
      int threads = 2 + round % 4;
      assertThat(ids(table.newScan().parallelism(threads))).as("round %d, %d threads", round, threads)
          .isEqualTo(sequential);
      assertThat(ids(table.newScan().parallelism(threads)
          .filter("ts >= '2024-03-03T00:00:00Z' and ts < '2024-03-04T12:00:00Z'")))
          .as("filtered, round %d", round).isEqualTo(day);
    }
    assertThat(readThreads()).isZero();
    assertThat(io.open.get()).as("streams left open").isZero();
  }

  @Test
  void closingPartWayEndsTheThreadsAndClosesEveryFile() {
    for (int round = 0; round < 30; round++) {
      int stopAfter = round * 997 % (COMMITS * ROWS_PER_COMMIT);
      try (ScanReader reader = table.newScan().parallelism(3).records()) {
        CloseableIterator<Record> it = reader.iterator();
        for (int i = 0; i < stopAfter && it.hasNext(); i++) {
          it.next();
        }
      }
      assertThat(readThreads()).as("round %d", round).isZero();
      assertThat(io.open.get()).as("streams open after round %d", round).isZero();
    }
  }

  @Test
  void aWorkersFailureIsThrownOnTheReadingThreadAfterTheRowsBeforeIt() throws IOException {
    List<DataFile> files = List.copyOf(table.refresh().dataFiles());
    List<Long> before = new ArrayList<>();
    Table fresh = Tables.open(io, dir.resolve("t").toString());
    List<Long> all = ids(fresh.newScan());
    DataFile gone = files.get(files.size() / 2);
    Files.delete(dir.resolve("t").resolve(gone.path()));
    for (int round = 0; round < 10; round++) {
      before.clear();
      try (ScanReader reader = fresh.newScan().parallelism(2 + round % 3).records()) {
        assertThatThrownBy(() -> {
          for (Record r : reader) {
            before.add((Long) r.get(0));
          }
        }).isInstanceOf(MissingDataFileException.class).hasMessageContaining(gone.path());
      }
      assertThat(all).startsWith(before.toArray(new Long[0]));
      assertThat(before).hasSizeLessThan(all.size());
      assertThat(readThreads()).isZero();
      assertThat(io.open.get()).isZero();
    }
  }

  @Test
  void parallelismBelowOneIsRefused() {
    assertThatThrownBy(() -> table.newScan().parallelism(0)).isInstanceOf(InvalidArgumentException.class);
  }

  private static List<Long> ids(Scan scan) {
    List<Long> ids = new ArrayList<>();
    try (ScanReader reader = scan.records()) {
      for (Record r : reader) {
        ids.add((Long) r.get(0));
      }
    }
    return ids;
  }

  private static long readThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("tidemark-read-") && t.isAlive()).count();
  }

  /** Local storage counting the streams open. */
  private static final class StreamCountingFileIO extends ForwardingFileIO {
    final AtomicInteger open = new AtomicInteger();

    StreamCountingFileIO() {
      super(new LocalFileIO());
    }

    @Override
    public InputFile newInputFile(String location) {
      InputFile file = delegate().newInputFile(location);
      return new InputFile() {
        @Override
        public String location() {
          return file.location();
        }

        @Override
        public long getLength() throws IOException {
          return file.getLength();
        }

        @Override
        public SeekableInputStream newStream() throws IOException {
          SeekableInputStream in = file.newStream();
          open.incrementAndGet();
          return new SeekableInputStream() {
            private boolean closed;

            @Override
            public long getPos() throws IOException {
              return in.getPos();
            }

            @Override
            public void seek(long newPos) throws IOException {
              in.seek(newPos);
            }

            @Override
            public int read() throws IOException {
              return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              return in.read(b, off, len);
            }

            @Override
            public void close() throws IOException {
              if (!closed) {
                closed = true;
                open.decrementAndGet();
              }
              in.close();
            }
          };
        }
      };
    }
  }
}
