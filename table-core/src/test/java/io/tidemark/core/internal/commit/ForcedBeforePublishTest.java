package io.tidemark.core.internal.commit;

import static io.tidemark.core.TestTables.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.CommitResult;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.data.Record;
import io.tidemark.core.io.FileIOs;
import io.tidemark.core.io.ForwardingFileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.core.io.OutputFile;
import io.tidemark.core.io.PositionOutputStream;
import io.tidemark.core.io.StagedFile;
import io.tidemark.core.io.SupportsDeferredForce;
import io.tidemark.spec.error.StorageException;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.SchemaDdl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An append's data files are written unforced and forced, all of them, before its commit is published. */
class ForcedBeforePublishTest {
  private static final Schema SCHEMA = SchemaDdl.parse("id long not null, day date not null");

  @TempDir
  Path dir;
  RecordingFileIO io;
  Table table;

  @BeforeEach
  void table() {
    io = new RecordingFileIO();
    table = Tables.create(io, dir.resolve("t").toString(), SCHEMA, PartitionSpec.builderFor(SCHEMA).identity("day").build(),
        Map.of());
  }

  @Test
  void everyDataFileOfAPartitionedAppendIsForcedOnceBeforeTheCommitIsPublished() {
    CommitResult result = appendDays(5);
    assertThat(result.filesAdded()).isEqualTo(5);
    assertThat(io.unforcedCreated).hasSize(5);
    assertThat(io.forced).containsExactlyInAnyOrderElementsOf(io.unforcedCreated);
    assertThat(io.forcedAtPublish).hasSize(1);
    assertThat(io.forcedAtPublish.get(0)).containsExactlyInAnyOrderElementsOf(io.unforcedCreated);
    assertThat(read(Tables.open(table.location()).newScan())).hasSize(50);
  }

  @Test
  void whenForcingFailsNothingIsCommitted() {
    io.failForce = true;
    assertThatThrownBy(() -> appendDays(3)).isInstanceOf(StorageException.class)
        .hasMessageContaining("nothing was committed");
    assertThat(io.forcedAtPublish).isEmpty();
    assertThat(Tables.open(table.location()).refresh().version()).isZero();
  }

  private CommitResult appendDays(int days) {
    try (AppendWriter w = table.newAppend()) {
      for (int i = 0; i < days * 10; i++) {
        w.write(Record.of(SCHEMA, (long) i, LocalDate.of(2024, 1, 1 + i % days)));
      }
      return w.commit();
    }
  }

  /** Local storage that records which files were created unforced, which were forced, and when commits were published. */
  static final class RecordingFileIO extends ForwardingFileIO {
    final Set<String> unforcedCreated = ConcurrentHashMap.newKeySet();
    final Set<String> forced = ConcurrentHashMap.newKeySet();
    final List<Set<String>> forcedAtPublish = new ArrayList<>();
    volatile boolean failForce;

    RecordingFileIO() {
      super(new LocalFileIO());
    }

    @Override
    public OutputFile newOutputFile(String location) {
      OutputFile plain = delegate().newOutputFile(location);
      SupportsDeferredForce file = (SupportsDeferredForce) plain;
      class Recording implements OutputFile, SupportsDeferredForce {
        @Override
        public String location() {
          return location;
        }

        @Override
        public PositionOutputStream create() throws IOException {
          return plain.create();
        }

        @Override
        public PositionOutputStream createOrOverwrite() throws IOException {
          return plain.createOrOverwrite();
        }

        @Override
        public PositionOutputStream createUnforced() throws IOException {
          unforcedCreated.add(location);
          return file.createUnforced();
        }

        @Override
        public void force() throws IOException {
          if (failForce) {
            throw new IOException("simulated: the disk is gone");
          }
          file.force();
          if (!forced.add(location)) {
            throw new AssertionError("forced twice: " + location);
          }
        }
      }
      return new Recording();
    }

    @Override
    public StagedFile stage(String nearLocation, byte[] content) throws IOException {
      StagedFile staged = FileIOs.stage(delegate(), nearLocation, content);
      return new StagedFile() {
        @Override
        public boolean publish(String location) throws IOException {
          synchronized (forcedAtPublish) {
            forcedAtPublish.add(Set.copyOf(forced));
          }
          return staged.publish(location);
        }

        @Override
        public void close() throws IOException {
          staged.close();
        }
      };
    }
  }
}
