package io.tidemark.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A hidden temporary file, written and forced once, then hard-linked to a target name per
 * attempt: the link fails when the target exists, so each attempt is atomic across processes,
 * and a lost attempt costs no write and no flush.
 */
final class LinkedStage implements StagedFile {
  private final Path dir;
  private final Path temp;
  private boolean published;

  private LinkedStage(Path dir, Path temp) {
    this.dir = dir;
    this.temp = temp;
  }

  static LinkedStage write(Path dir, byte[] content) throws IOException {
    Files.createDirectories(dir);
    Path temp = dir.resolve(".stage." + UUID.randomUUID() + ".tmp");
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return new LinkedStage(dir, temp);
  }

  @Override
  public boolean publish(String location) throws IOException {
    return publish(LocalFileIO.toPath(location));
  }

  boolean publish(Path target) throws IOException {
    if (published) {
      throw new IllegalStateException("staged content was already published");
    }
    Path absolute = target.toAbsolutePath();
    if (!dir.equals(absolute.getParent())) {
      throw new IllegalArgumentException(target + " is not in " + dir + ", where the content was staged");
    }
    try {
      Files.createLink(absolute, temp);
    } catch (FileAlreadyExistsException e) {
      return false;
    }
    published = true;
    LocalFileIO.syncDirectory(dir);
    Files.deleteIfExists(temp);
    return true;
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(temp);
  }
}
