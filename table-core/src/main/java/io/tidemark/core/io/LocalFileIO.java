package io.tidemark.core.io;

import io.tidemark.spec.error.InvalidArgumentException;
import io.tidemark.spec.error.OutsideTableException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local disk through java.nio: locations are paths or {@code file:} URIs. Exclusive create
 * writes a hidden temporary file beside the target, forces it to disk, and hard-links it to the
 * target name; the link fails when the target exists, so the create is atomic across processes.
 * {@link #stage} keeps the temporary file for further attempts at other names.
 */
public final class LocalFileIO implements FileIO, SupportsStagedCreate {
  private static final Logger LOG = LoggerFactory.getLogger(LocalFileIO.class);

  /** A file IO for local paths. */
  public LocalFileIO() {}

  /**
   * The path of a location: a plain path as it is, a {@code file:} URI ({@code file:/x},
   * {@code file:///x}, {@code file://localhost/x}) decoded. Tables decode their root once, in
   * {@link #tableRoot}, so the paths they append are never decoded.
   */
  static Path toPath(String location) {
    if (!location.startsWith("file:")) {
      return Paths.get(location);
    }
    String rest = location.substring("file:".length());
    if (rest.startsWith("//localhost/")) {
      rest = rest.substring("//localhost".length());
    } else if (rest.startsWith("///")) {
      rest = rest.substring(2);
    } else if (rest.startsWith("//") || !rest.startsWith("/")) {
      throw new InvalidArgumentException("file: URI " + location + " is not an absolute local path (file:/path or"
          + " file:///path); give a plain path instead");
    }
    try {
      return Paths.get(URI.create("file://" + rest));
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException("not a valid file: URI: " + location + " (in a URI, spaces and '%' must be"
          + " percent-encoded; or give a plain path)", e);
    }
  }

  /** The absolute, normalized plain path of the location: a {@code file:} URI is decoded here, once. */
  @Override
  public String tableRoot(String location) {
    if (location == null || location.isBlank()) {
      throw new InvalidArgumentException("table location is empty");
    }
    return toPath(Locations.stripTrailingSlashes(location.strip())).toAbsolutePath().normalize().toString();
  }

  /**
   * Resolves symbolic links: the location (or, when it does not exist yet, its nearest existing
   * parent) must have its real path inside the root's real path.
   */
  @Override
  public void checkWithin(String root, String location) throws IOException {
    checkWithin(toPath(root), toPath(location), root, location);
  }

  static void checkWithin(Path rootPath, Path path, String root, String location) throws IOException {
    Path lexicalRoot = rootPath.toAbsolutePath().normalize();
    Path lexical = path.toAbsolutePath().normalize();
    if (!lexical.startsWith(lexicalRoot) || lexical.equals(lexicalRoot)) {
      throw new OutsideTableException(location, root, "its path is not under the table root");
    }
    Path existing = lexical;
    while (!existing.equals(lexicalRoot) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing.equals(lexicalRoot)) {
      return; // nothing below the root exists yet, so nothing can lead out of it
    }
    Path real;
    Path realRoot;
    try {
      realRoot = lexicalRoot.toRealPath();
      real = existing.toRealPath();
    } catch (NoSuchFileException e) {
      throw new OutsideTableException(location, root, existing + " is a symbolic link to nothing, or was removed");
    }
    if (!real.startsWith(realRoot)) {
      throw new OutsideTableException(location, root, existing + " resolves to " + real);
    }
  }

  @Override
  public InputFile newInputFile(String location) {
    return new LocalInput(location, toPath(location));
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new LocalOutput(location, toPath(location));
  }

  @Override
  public boolean createExclusive(String location, byte[] content) throws IOException {
    return createExclusive(toPath(location), content);
  }

  static boolean createExclusive(Path target, byte[] content) throws IOException {
    try (LinkedStage staged = LinkedStage.write(target.toAbsolutePath().getParent(), content)) {
      return staged.publish(target);
    }
  }

  @Override
  public StagedFile stage(String nearLocation, byte[] content) throws IOException {
    return LinkedStage.write(toPath(nearLocation).toAbsolutePath().getParent(), content);
  }

  static void syncDirectory(Path dir) {
    // Makes the new directory entry durable; not every platform allows opening a directory.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // best effort
    }
  }

  @Override
  public Optional<byte[]> readIfExists(String location) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(toPath(location)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<FileEntry> list(String prefix, String startAfter) throws IOException {
    boolean directoryPrefix = prefix.endsWith("/");
    Path base = toPath(directoryPrefix ? prefix.substring(0, prefix.length() - 1) : prefix);
    Path dir = directoryPrefix ? base : base.getParent();
    String namePrefix = directoryPrefix ? "" : base.getFileName().toString();
    String dirLocation = directoryPrefix ? prefix : prefix.substring(0, prefix.length() - namePrefix.length());
    return list(dir, dirLocation, namePrefix, startAfter);
  }

  /**
   * The files in {@code dir} whose names start with {@code namePrefix}, and in its subdirectories at
   * any depth, named {@code dirLocation} plus their path below {@code dir}. Symbolic links below
   * {@code dir} are neither listed nor followed: what they lead to is not the table's.
   */
  static List<FileEntry> list(Path dir, String dirLocation, String namePrefix, String startAfter)
      throws IOException {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    List<FileEntry> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (!name.startsWith(namePrefix)) {
          continue;
        }
        String location = dirLocation + name;
        if (startAfter != null && wholeTreeAtOrBefore(location, startAfter)) {
          continue; // neither it nor anything below it is wanted: no need to ask its attributes
        }
        collect(p, location, out);
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    if (startAfter != null) {
      out.removeIf(e -> e.location().compareTo(startAfter) <= 0);
    }
    out.sort(Comparator.comparing(FileEntry::location));
    return out;
  }

  /**
   * Whether a location and every location below it ({@code location + "/..."}) sort at or before
   * {@code startAfter}: those all sort before {@code location + "0"} ('0' follows '/'). Lets a
   * listing of the log after a checkpoint skip the thousands of older commits unseen.
   */
  private static boolean wholeTreeAtOrBefore(String location, String startAfter) {
    return (location + '0').compareTo(startAfter) <= 0;
  }

  private static void collect(Path p, String location, List<FileEntry> out) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return; // removed while listing
    }
    if (attrs.isSymbolicLink() || attrs.isOther()) {
      LOG.debug("not listing {}: a symbolic link or special file is not a table file", p);
      return;
    }
    if (attrs.isDirectory()) {
      try (Stream<Path> children = Files.list(p)) {
        for (Path c : (Iterable<Path>) children::iterator) {
          collect(c, location + "/" + c.getFileName(), out);
        }
      } catch (NoSuchFileException e) {
        return;
      }
    } else {
      out.add(new FileEntry(location, attrs.size(), attrs.lastModifiedTime().toMillis()));
    }
  }

  @Override
  public void delete(String location) throws IOException {
    Files.deleteIfExists(toPath(location));
  }

  private record LocalInput(String location, Path path) implements InputFile {
    @Override
    public long getLength() throws IOException {
      return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      return new ChannelInputStream(FileChannel.open(path, StandardOpenOption.READ));
    }
  }

  private record LocalOutput(String location, Path path) implements OutputFile, SupportsDeferredForce {
    @Override
    public PositionOutputStream create() throws IOException {
      return open(StandardOpenOption.CREATE_NEW);
    }

    @Override
    public PositionOutputStream createOrOverwrite() throws IOException {
      return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public PositionOutputStream createUnforced() throws IOException {
      return open(false, StandardOpenOption.CREATE_NEW);
    }

    @Override
    public void force() throws IOException {
      // fsync works on the file, not on the descriptor that wrote it
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
    }

    private PositionOutputStream open(StandardOpenOption... options) throws IOException {
      return open(true, options);
    }

    private PositionOutputStream open(boolean forceOnClose, StandardOpenOption... options) throws IOException {
      List<StandardOpenOption> all = new ArrayList<>(List.of(options));
      all.add(StandardOpenOption.WRITE);
      StandardOpenOption[] opts = all.toArray(new StandardOpenOption[0]);
      FileChannel ch;
      try {
        ch = FileChannel.open(path, opts);
      } catch (NoSuchFileException e) {
        // directories are made when missing only: checking them before every file costs two system calls
        Files.createDirectories(path.toAbsolutePath().getParent());
        ch = FileChannel.open(path, opts);
      }
      return new ChannelOutputStream(ch, forceOnClose);
    }
  }

  /**
   * Buffered writes to a channel; forces the data to disk on close unless told not to. The buffer
   * starts small and grows as it fills: a small append's file is a few kilobytes, and a 64 KB
   * buffer per file was 7% of what eight concurrent small appenders allocated.
   */
  private static final class ChannelOutputStream extends PositionOutputStream {
    private static final int FIRST_BUFFER_BYTES = 8 * 1024;
    private static final int MOST_BUFFER_BYTES = 64 * 1024;
    private final FileChannel channel;
    private final boolean forceOnClose;
    private ByteBuffer buffer = ByteBuffer.allocate(FIRST_BUFFER_BYTES);
    private long position;
    private boolean closed;

    ChannelOutputStream(FileChannel channel, boolean forceOnClose) {
      this.channel = channel;
      this.forceOnClose = forceOnClose;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      if (!buffer.hasRemaining()) {
        makeRoom();
      }
      buffer.put((byte) b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > buffer.remaining()) {
        makeRoom();
        if (len > buffer.capacity()) {
          ByteBuffer direct = ByteBuffer.wrap(b, off, len);
          while (direct.hasRemaining()) {
            channel.write(direct);
          }
          position += len;
          return;
        }
      }
      buffer.put(b, off, len);
      position += len;
    }

    /** Writes out the full buffer, and gives the stream a larger one up to the most. */
    private void makeRoom() throws IOException {
      drain();
      if (buffer.capacity() < MOST_BUFFER_BYTES) {
        buffer = ByteBuffer.allocate(buffer.capacity() * 2);
      }
    }

    private void drain() throws IOException {
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }

    @Override
    public void flush() throws IOException {
      drain();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try (channel) {
        drain();
        if (forceOnClose) {
          channel.force(true);
        }
      }
    }
  }

  /** Seekable reads from a channel with a small read-ahead buffer. */
  private static final class ChannelInputStream extends SeekableInputStream {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long bufferStart;

    ChannelInputStream(FileChannel channel) {
      this.channel = channel;
      buffer.flip();
    }

    @Override
    public long getPos() {
      return bufferStart + buffer.position();
    }

    @Override
    public void seek(long newPos) throws IOException {
      long bufferEnd = bufferStart + buffer.limit();
      if (newPos >= bufferStart && newPos <= bufferEnd) {
        buffer.position((int) (newPos - bufferStart));
      } else {
        bufferStart = newPos;
        buffer.clear().flip();
      }
    }

    private boolean fill() throws IOException {
      long pos = getPos();
      buffer.clear();
      int n = channel.read(buffer, pos);
      buffer.flip();
      bufferStart = pos;
      return n > 0;
    }

    @Override
    public int read() throws IOException {
      if (!buffer.hasRemaining() && !fill()) {
        return -1;
      }
      return buffer.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (!dst.hasRemaining()) {
        return 0;
      }
      if (!buffer.hasRemaining()) {
        if (dst.remaining() >= buffer.capacity()) {
          long pos = getPos();
          int n = channel.read(dst, pos);
          if (n <= 0) {
            return -1;
          }
          bufferStart = pos + n;
          buffer.clear().flip();
          return n;
        }
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(dst.remaining(), buffer.remaining());
      ByteBuffer chunk = buffer.slice();
      chunk.limit(n);
      dst.put(chunk);
      buffer.position(buffer.position() + n);
      return n;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
