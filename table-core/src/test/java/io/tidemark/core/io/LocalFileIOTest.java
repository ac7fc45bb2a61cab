package io.tidemark.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileIOTest {
  @TempDir
  Path dir;

  @Test
  void exclusiveCreateHasExactlyOneWinnerPerRaceAndTheWinnersContent() throws Exception {
    LocalFileIO io = new LocalFileIO();
    int threads = 8;
    int rounds = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        String target = dir.resolve("race-" + round + ".json").toString();
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          byte[] content = ("writer " + t + "\n").getBytes(StandardCharsets.UTF_8);
          results.add(pool.submit(() -> {
            barrier.await();
            return io.createExclusive(target, content);
          }));
        }
        int winners = 0;
        int winner = -1;
        for (int t = 0; t < threads; t++) {
          if (results.get(t).get(1, TimeUnit.MINUTES)) {
            winners++;
            winner = t;
          }
        }
        assertThat(winners).as("winners in round %d", round).isEqualTo(1);
        assertThat(Files.readString(Path.of(target))).isEqualTo("writer " + winner + "\n");
      }
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void listingIsSortedRecursiveAndStartsAfterTheGivenLocation() throws Exception {
    LocalFileIO io = new LocalFileIO();
    String base = dir.toString() + "/";
    for (String name : List.of("b.json", "a.json", "c/d.json", "c/e/f.json")) {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, name);
    }
    assertThat(io.list(base, null)).extracting(FileEntry::location)
        .containsExactly(base + "a.json", base + "b.json", base + "c/d.json", base + "c/e/f.json");
    assertThat(io.list(base, base + "b.json")).extracting(FileEntry::location)
        .containsExactly(base + "c/d.json", base + "c/e/f.json");
    assertThat(io.list(base + "c/", null)).extracting(FileEntry::name).containsExactly("d.json", "f.json");
    assertThat(io.list(dir.resolve("missing") + "/", null)).isEmpty();
  }

  @Test
  void readIfExistsIsEmptyForAMissingFile() throws Exception {
    LocalFileIO io = new LocalFileIO();
    assertThat(io.readIfExists(dir.resolve("nope").toString())).isEmpty();
    assertThat(io.createExclusive(dir.resolve("x/y").toString(), new byte[] {1, 2})).isTrue();
    assertThat(io.readIfExists(dir.resolve("x/y").toString())).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
    assertThat(io.createExclusive("file://" + dir.resolve("x/y"), new byte[] {3})).isFalse();
  }

  @Test
  void stagedContentIsTriedAtTakenNamesWithoutRewritingAndPublishedOnceAtAFreeOne() throws Exception {
    LocalFileIO io = new LocalFileIO();
    Path taken = dir.resolve("00001.json");
    Files.writeString(taken, "the winner\n");
    try (StagedFile staged = io.stage(dir.resolve("any.json").toString(), "mine\n".getBytes(StandardCharsets.UTF_8))) {
      assertThat(hiddenFiles()).hasSize(1);
      assertThat(staged.publish(taken.toString())).isFalse();
      assertThat(Files.readString(taken)).isEqualTo("the winner\n");
      assertThat(staged.publish(dir.resolve("00002.json").toString())).isTrue();
      assertThat(Files.readString(dir.resolve("00002.json"))).isEqualTo("mine\n");
      assertThat(hiddenFiles()).as("the temporary copy goes once published").isEmpty();
      assertThatThrownBy(() -> staged.publish(dir.resolve("00003.json").toString()))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(Files.exists(dir.resolve("00003.json"))).isFalse();
  }

  @Test
  void aStreamWritesEveryByteInOrderWhateverTheSizesOfTheWrites() throws Exception {
    java.util.Random random = new java.util.Random(7);
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    Path file = dir.resolve("mixed.bin");
    try (PositionOutputStream out = new LocalFileIO().newOutputFile(file.toString()).create()) {
      for (int i = 0; i < 400; i++) {
        int size = random.nextInt(4) == 0 ? 1 : random.nextInt(i % 50 == 0 ? 150_000 : 9_000);
        byte[] chunk = new byte[size];
        random.nextBytes(chunk);
        if (size == 1) {
          out.write(chunk[0]);
        } else {
          out.write(chunk, 0, size);
        }
        expected.write(chunk, 0, size);
        assertThat(out.getPos()).isEqualTo(expected.size());
      }
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
  }

  @Test
  void stagedContentThatLostARaceIsReplacedInTheSameFileAndPublishedWithTheNewBytes() throws Exception {
    LocalFileIO io = new LocalFileIO();
    Path taken = dir.resolve("00001.json");
    Files.writeString(taken, "the winner\n");
    try (StagedFile staged = io.stage(taken.toString(), "first\n".getBytes(StandardCharsets.UTF_8))) {
      Path temp = hiddenFiles().get(0);
      Object inode = Files.readAttributes(temp, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      assertThat(staged.publish(taken.toString())).isFalse();
      assertThat(staged.replace("second, longer\n".getBytes(StandardCharsets.UTF_8))).isTrue();
      assertThat(staged.replace("third\n".getBytes(StandardCharsets.UTF_8))).isTrue();
      assertThat(hiddenFiles()).containsExactly(temp);
      assertThat(Files.readAttributes(temp, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
          .as("the same file, not a new one").isEqualTo(inode);
      assertThat(Files.readString(taken)).isEqualTo("the winner\n");
      assertThat(staged.publish(dir.resolve("00002.json").toString())).isTrue();
      assertThat(Files.readString(dir.resolve("00002.json"))).isEqualTo("third\n");
      assertThat(hiddenFiles()).isEmpty();
      assertThatThrownBy(() -> staged.replace(new byte[] {1})).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void stagedContentWhosePublishFailedWithAnUnknownOutcomeIsNotRewritten() throws Exception {
    LocalFileIO io = new LocalFileIO();
    try (StagedFile staged = io.stage(dir.resolve("any.json").toString(), "mine\n".getBytes(StandardCharsets.UTF_8))) {
      String tooLong = dir.resolve("x".repeat(300) + ".json").toString();
      assertThatThrownBy(() -> staged.publish(tooLong)).isInstanceOf(java.io.IOException.class);
      assertThat(staged.replace("other\n".getBytes(StandardCharsets.UTF_8)))
          .as("a file that may be linked somewhere is never written over").isFalse();
      assertThat(Files.readString(hiddenFiles().get(0))).isEqualTo("mine\n");
    }
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void theDefaultStagingReplacesTheBytesItKeeps() throws Exception {
    LocalFileIO local = new LocalFileIO();
    FileIO io = new FileIO() { // only what the default staging uses; the rest is not called
      @Override
      public boolean createExclusive(String location, byte[] content) throws IOException {
        return local.createExclusive(location, content);
      }

      @Override
      public InputFile newInputFile(String location) {
        throw new UnsupportedOperationException();
      }

      @Override
      public OutputFile newOutputFile(String location) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<byte[]> readIfExists(String location) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<FileEntry> list(String prefix, String startAfter) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void delete(String location) {
        throw new UnsupportedOperationException();
      }
    };
    Path taken = dir.resolve("00001.json");
    Files.writeString(taken, "the winner\n");
    StagedFile staged = FileIOs.stage(io, taken.toString(), new byte[] {1});
    assertThat(staged.publish(taken.toString())).isFalse();
    assertThat(staged.replace(new byte[] {2, 3})).isTrue();
    assertThat(staged.publish(dir.resolve("00002.json").toString())).isTrue();
    assertThat(Files.readAllBytes(dir.resolve("00002.json"))).containsExactly(2, 3);
    assertThatThrownBy(() -> staged.replace(new byte[] {4})).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stagedContentIsPublishedOnlyInItsOwnDirectoryAndClosingRemovesIt() throws Exception {
    LocalFileIO io = new LocalFileIO();
    StagedFile staged = io.stage(dir.resolve("sub/x.json").toString(), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> staged.publish(dir.resolve("elsewhere.json").toString()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.exists(dir.resolve("elsewhere.json"))).isFalse();
    staged.close();
    try (Stream<Path> left = Files.list(dir.resolve("sub"))) {
      assertThat(left).isEmpty();
    }
  }

  private List<Path> hiddenFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }
}
