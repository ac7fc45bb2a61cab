package io.tidemark.core.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Tables;
import io.tidemark.core.TestTables;
import io.tidemark.core.io.ForwardingFileIO;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.error.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointHintTest {
  @TempDir
  Path dir;

  @Test
  void aStorageThatRefusesToReadTheHintFailsTheOpenWithItsOwnError() {
    String location = dir.resolve("t").toString();
    Tables.create(location, TestTables.SCHEMA);
    StorageException refused = new StorageException("cannot read " + location + "/_log/_last_checkpoint: access denied",
        null);
    ForwardingFileIO refusing = new ForwardingFileIO(new LocalFileIO()) {
      @Override
      public Optional<byte[]> readIfExists(String loc) throws IOException {
        if (loc.endsWith("_last_checkpoint")) {
          throw refused;
        }
        return super.readIfExists(loc);
      }
    };
    assertThatThrownBy(() -> Tables.open(refusing, location).refresh()).isSameAs(refused);
  }

  @Test
  void aDamagedHintIsIgnoredAndTheTableStillReads() throws Exception {
    String location = dir.resolve("t").toString();
    TestTables.append(Tables.create(location, TestTables.SCHEMA), TestTables.rows(0, 3));
    Files.writeString(dir.resolve("t/_log/_last_checkpoint"), "{not json");
    assertThat(Tables.open(location).refresh().version()).isEqualTo(1);
  }
}
