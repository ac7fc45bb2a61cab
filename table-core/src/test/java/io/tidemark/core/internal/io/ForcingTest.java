package io.tidemark.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.io.LocalFileIO;
import io.tidemark.core.io.OutputFile;
import io.tidemark.core.io.PositionOutputStream;
import io.tidemark.core.io.SupportsDeferredForce;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForcingTest {
  @TempDir
  Path dir;

  @Test
  void unforcedFilesHoldTheirContentAndAreEachForcedOnce() throws Exception {
    LocalFileIO io = new LocalFileIO();
    Set<String> forced = ConcurrentHashMap.newKeySet();
    List<OutputFile> files = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      OutputFile file = io.newOutputFile(dir.resolve("f" + i).toString());
      try (OutputStream out = ((SupportsDeferredForce) file).createUnforced()) {
        out.write(("content " + i).getBytes(StandardCharsets.UTF_8));
      }
      files.add(counting(file, forced));
    }
    Forcing.await(Forcing.start(files));
    assertThat(forced).hasSize(20);
    assertThat(Files.readString(dir.resolve("f7"))).isEqualTo("content 7");
  }

  @Test
  void aFileThatCannotBeForcedFailsTheWholeAfterTheOthersAreForced() throws Exception {
    LocalFileIO io = new LocalFileIO();
    Set<String> forced = ConcurrentHashMap.newKeySet();
    List<OutputFile> files = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      OutputFile file = io.newOutputFile(dir.resolve("g" + i).toString());
      try (OutputStream out = ((SupportsDeferredForce) file).createUnforced()) {
        out.write(1);
      }
      files.add(counting(file, forced));
    }
    files.add(io.newOutputFile(dir.resolve("never-written").toString()));
    assertThatThrownBy(() -> Forcing.forceAll(files)).isInstanceOf(IOException.class)
        .hasMessageContaining("never-written");
    assertThat(forced).hasSize(5);
  }

  @Test
  void nothingToForceIsDoneAtOnce() throws Exception {
    assertThat(Forcing.start(List.of()).isDone()).isTrue();
  }

  private static OutputFile counting(OutputFile file, Set<String> forced) {
    class Counting implements OutputFile, SupportsDeferredForce {
      @Override
      public String location() {
        return file.location();
      }

      @Override
      public PositionOutputStream create() throws IOException {
        return file.create();
      }

      @Override
      public PositionOutputStream createOrOverwrite() throws IOException {
        return file.createOrOverwrite();
      }

      @Override
      public PositionOutputStream createUnforced() throws IOException {
        return ((SupportsDeferredForce) file).createUnforced();
      }

      @Override
      public void force() throws IOException {
        ((SupportsDeferredForce) file).force();
        if (!forced.add(location())) {
          throw new AssertionError("forced twice: " + location());
        }
      }
    }
    return new Counting();
  }
}
