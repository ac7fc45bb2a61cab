package io.tidemark.core.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Any Hadoop FileSystem ({@code hdfs:}, {@code file:}, ...). Exclusive create writes a temporary
 * file and renames it with {@link Options.Rename#NONE}, which HDFS performs atomically and refuses
 * when the target exists. Hadoop's local file systems check before they rename, which is a race,
 * so for them the hard-link commit of {@link LocalFileIO} is used instead.
 *
 * <p>Needs Hadoop's FileSystem classes at run time; the README lists the artifacts to add.
 */
public final class HadoopFileIO implements FileIO, SupportsStagedCreate {
  private final Configuration conf;

  /** A file IO with Hadoop's default configuration (core-site.xml and friends on the classpath). */
  public HadoopFileIO() {
    this(new Configuration());
  }

  /** A file IO with this configuration. */
  public HadoopFileIO(Configuration conf) {
    this.conf = conf;
  }

  @Override
  public InputFile newInputFile(String location) {
    return new HadoopInput(location, new Path(location), conf);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new HadoopOutput(location, new Path(location), conf);
  }

  @Override
  public boolean createExclusive(String location, byte[] content) throws IOException {
    java.nio.file.Path localTarget = localFile(location);
    if (localTarget != null) {
      return LocalFileIO.createExclusive(localTarget, content);
    }
    Path target = new Path(location);
    FileSystem fs = target.getFileSystem(conf);
    Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    try (FSDataOutputStream out = fs.create(temp, false)) {
      out.write(content);
      out.hsync();
    }
    try {
      FileContext.getFileContext(target.toUri(), conf).rename(temp, target, Options.Rename.NONE);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      fs.delete(temp, false);
    }
  }

  /**
   * On Hadoop's local file system, stages as {@link LocalFileIO} does (one forced temporary file,
   * linked per attempt); elsewhere each attempt is an exclusive create of its own.
   */
  @Override
  public StagedFile stage(String nearLocation, byte[] content) throws IOException {
    java.nio.file.Path near = localFile(nearLocation);
    if (near == null) {
      return FileIOs.inMemory(this, content);
    }
    LinkedStage linked = LinkedStage.write(near.toAbsolutePath().getParent(), content);
    return new StagedFile() {
      @Override
      public boolean publish(String location) throws IOException {
        return linked.publish(localFile(location));
      }

      @Override
      public boolean replace(byte[] replacement) throws IOException {
        return linked.replace(replacement);
      }

      @Override
      public void close() throws IOException {
        linked.close();
      }
    };
  }

  /** The java.nio path of a location on Hadoop's local file system, or null on any other. */
  private java.nio.file.Path localFile(String location) throws IOException {
    return localFile(new Path(location));
  }

  private java.nio.file.Path localFile(Path path) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (fs instanceof LocalFileSystem local) {
      return local.pathToFile(path).toPath();
    }
    if (fs instanceof RawLocalFileSystem raw) {
      return raw.pathToFile(path).toPath();
    }
    return null;
  }

  @Override
  public Optional<byte[]> readIfExists(String location) throws IOException {
    Path path = new Path(location);
    FileSystem fs = path.getFileSystem(conf);
    try (FSDataInputStream in = fs.open(path)) {
      return Optional.of(in.readAllBytes());
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<FileEntry> list(String prefix, String startAfter) throws IOException {
    boolean directoryPrefix = prefix.endsWith("/");
    Path base = new Path(directoryPrefix ? prefix.substring(0, prefix.length() - 1) : prefix);
    Path dir = directoryPrefix ? base : base.getParent();
    String namePrefix = directoryPrefix ? "" : base.getName();
    String dirLocation = directoryPrefix ? prefix : prefix.substring(0, prefix.length() - namePrefix.length());
    java.nio.file.Path localDir = localFile(dir);
    if (localDir != null) {
      // Hadoop's local file systems follow symbolic links when they list; LocalFileIO's listing does not
      return LocalFileIO.list(localDir, dirLocation, namePrefix, startAfter);
    }
    FileSystem fs = dir.getFileSystem(conf);
    List<FileEntry> out = new ArrayList<>();
    FileStatus[] children;
    try {
      children = fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      return List.of();
    }
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (!name.startsWith(namePrefix)) {
        continue;
      }
      if (child.isDirectory()) {
        String childLocation = dirLocation + name + "/";
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(child.getPath(), true);
        String childRoot = child.getPath().toUri().getPath();
        while (files.hasNext()) {
          LocatedFileStatus f = files.next();
          String relative = f.getPath().toUri().getPath().substring(childRoot.length() + 1);
          out.add(new FileEntry(childLocation + relative, f.getLen(), f.getModificationTime()));
        }
      } else {
        out.add(new FileEntry(dirLocation + name, child.getLen(), child.getModificationTime()));
      }
    }
    out.sort(Comparator.comparing(FileEntry::location));
    if (startAfter != null) {
      out.removeIf(e -> e.location().compareTo(startAfter) <= 0);
    }
    return out;
  }

  /**
   * On Hadoop's local file systems, resolves symbolic links as {@link LocalFileIO} does; elsewhere
   * compares the locations as strings, which Hadoop reads literally ({@code %} is not decoded).
   */
  @Override
  public void checkWithin(String root, String location) throws IOException {
    java.nio.file.Path localRoot = localFile(root);
    if (localRoot != null) {
      LocalFileIO.checkWithin(localRoot, localFile(location), root, location);
    } else {
      FileIO.super.checkWithin(root, location);
    }
  }

  @Override
  public void delete(String location) throws IOException {
    Path path = new Path(location);
    path.getFileSystem(conf).delete(path, false);
  }

  private record HadoopInput(String location, Path path, Configuration conf) implements InputFile {
    @Override
    public long getLength() throws IOException {
      return path.getFileSystem(conf).getFileStatus(path).getLen();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      FSDataInputStream in = path.getFileSystem(conf).open(path);
      return new SeekableInputStream() {
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
          in.close();
        }
      };
    }
  }

  private record HadoopOutput(String location, Path path, Configuration conf) implements OutputFile {
    @Override
    public PositionOutputStream create() throws IOException {
      return wrap(path.getFileSystem(conf).create(path, false));
    }

    @Override
    public PositionOutputStream createOrOverwrite() throws IOException {
      return wrap(path.getFileSystem(conf).create(path, true));
    }

    private static PositionOutputStream wrap(FSDataOutputStream out) {
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return out.getPos();
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }
  }
}
