package io.tidemark.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting many files: the storage's bulk delete when it has one, else one delete per file. */
class BulkDeleteTest {
  @TempDir
  Path dir;

  @Test
  void withoutBulkDeleteEveryFileIsDeletedAndTheOnesThatFailAreReported() throws IOException {
    List<String> files = files(4);
    List<String> deleted = new ArrayList<>();
    FileIO io = new ForwardingFileIO(new LocalFileIO()) {
      @Override
      public void delete(String location) throws IOException {
        if (location.endsWith("f1")) {
          throw new IOException("cannot delete " + location + ": permission denied");
        }
        deleted.add(location);
        super.delete(location);
      }
    };
    Map<String, String> failed = FileIOs.deleteFiles(io, files);
    assertThat(failed).containsOnlyKeys(files.get(1));
    assertThat(failed.get(files.get(1))).endsWith("permission denied");
    assertThat(deleted).containsExactly(files.get(0), files.get(2), files.get(3));
    assertThat(Files.exists(Path.of(files.get(1)))).isTrue();
    assertThat(Files.exists(Path.of(files.get(3)))).isFalse();
  }

  @Test
  void aStorageWithBulkDeleteGetsOneCallEvenThroughADecorator() throws IOException {
    List<Collection<String>> bulkCalls = new ArrayList<>();
    class Bulk extends ForwardingFileIO implements SupportsBulkDelete {
      Bulk() {
        super(new LocalFileIO());
      }

      @Override
      public Map<String, String> deleteFiles(Collection<String> locations) {
        bulkCalls.add(List.copyOf(locations));
        return Map.of(locations.iterator().next(), "AccessDenied: no");
      }

      @Override
      public void delete(String location) {
        throw new AssertionError("not one by one");
      }
    }
    FileIO decorated = new ForwardingFileIO(new Bulk()) {};
    List<String> files = files(3);
    assertThat(FileIOs.deleteFiles(decorated, files)).containsOnlyKeys(files.get(0));
    assertThat(bulkCalls).containsExactly(files);
  }

  private List<String> files(int n) throws IOException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Files.write(dir.resolve("f" + i), new byte[] {1}).toString());
    }
    return out;
  }
}
