package io.tidemark.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A hidden temporary file, written and forced once, then hard-linked to a target name per
 * attempt: the link fails when the target exists, so each attempt is atomic across processes,
 * and a lost attempt costs no write and no flush. New content for a later attempt is written
 * over the same file, which no name but its own points to after a lost attempt: a writer that
 * keeps losing races does not create and delete a file per attempt (on ext4 without a journal,
 * every new file then scans past the inodes freed in the last minutes).
 */
final class LinkedStage implements StagedFile {
  private static final OpenOption[] CREATE = {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
  private static final OpenOption[] OVERWRITE = {StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE};

  private final Path dir;
  private final Path temp;
  private boolean published;
  private boolean removed;
  /** Set when a publish failed with its outcome unknown: the file may be linked, it is not rewritten. */
  private boolean maybeLinked;
  /** Set while content is being replaced, and left set when replacing failed. */
  private boolean incomplete;

  private LinkedStage(Path dir, Path temp) {
    this.dir = dir;
    this.temp = temp;
  }

  static LinkedStage write(Path dir, byte[] content) throws IOException {
    Path temp = dir.resolve(".stage." + UUID.randomUUID() + ".tmp");
    try {
      try {
        writeAndForce(temp, content, CREATE);
      } catch (NoSuchFileException e) {
        // the directory is made on first use only: checking it on every commit costs two system calls
        Files.createDirectories(dir);
        writeAndForce(temp, content, CREATE);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return new LinkedStage(dir, temp);
  }

  private static void writeAndForce(Path file, byte[] content, OpenOption[] options) throws IOException {
    try (FileChannel ch = FileChannel.open(file, options)) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  @Override
  public boolean publish(String location) throws IOException {
    return publish(LocalFileIO.toPath(location));
  }

  boolean publish(Path target) throws IOException {
    if (published) {
      throw new IllegalStateException("staged content was already published");
    }
    if (incomplete || removed) {
      throw new IllegalStateException(removed ? "the staged content was discarded"
          : "replacing the staged content failed; it cannot be published");
    }
    Path absolute = target.toAbsolutePath();
    if (!dir.equals(absolute.getParent())) {
      throw new IllegalArgumentException(target + " is not in " + dir + ", where the content was staged");
    }
    try {
      Files.createLink(absolute, temp);
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException | RuntimeException e) {
      maybeLinked = true;
      throw e;
    }
    published = true;
    LocalFileIO.syncDirectory(dir);
    close();
    return true;
  }

  @Override
  public boolean replace(byte[] content) throws IOException {
    if (published) {
      throw new IllegalStateException("staged content was already published");
    }
    if (removed) {
      throw new IllegalStateException("the staged content was discarded");
    }
    if (maybeLinked) {
      return false;
    }
    incomplete = true;
    writeAndForce(temp, content, OVERWRITE);
    incomplete = false;
    return true;
  }

  @Override
  public void close() throws IOException {
    if (!removed) {
      Files.deleteIfExists(temp);
      removed = true;
    }
  }
}
