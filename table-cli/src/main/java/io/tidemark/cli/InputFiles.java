package io.tidemark.cli;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a file to append (or {@code -} for standard input) as UTF-8 text: gzip is undone, a byte
 * order mark skipped, and a file of another kind (Parquet, ZIP, JSON where CSV was asked, a
 * directory) is refused with one line saying what it is and how to read it, before a row is parsed.
 */
final class InputFiles {
  /** The name that stands for standard input. */
  static final String STDIN = "-";

  private static final int SNIFF = 8;

  /** What a file is asked to be read as. */
  enum Kind {
    CSV("--csv"), JSON("--json");

    final String flag;

    Kind(String flag) {
      this.flag = flag;
    }
  }

  private InputFiles() {}

  /** A reader of the text, failing with a {@link CliException} when the file is not of the kind asked. */
  static BufferedReader open(String name, Kind kind, InputStream stdin) throws IOException {
    InputStream raw;
    if (name.equals(STDIN)) {
      raw = stdin;
    } else {
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        throw refuse(name, "it is a directory; give a file");
      }
      try {
        raw = Files.newInputStream(path);
      } catch (NoSuchFileException e) {
        throw new CliException(kind.name() + " file not found: " + name, e);
      }
    }
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    byte[] head = peek(in);
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      head = peek(in);
    }
    String binary = binaryKind(head);
    if (binary != null) {
      in.close();
      throw refuse(name, "it is " + binary + ", not " + kind.name() + " text; "
          + (binary.equals(PARQUET) ? "append it with --parquet"
              : "tidemark append reads CSV (--csv), newline-delimited JSON (--json) and Parquet (--parquet)"));
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    reader.mark(4096);
    int c = reader.read();
    if (c != '\uFEFF') { // skip a byte order mark
      reader.reset();
      reader.mark(4096);
    }
    c = reader.read();
    for (int skipped = 0; skipped < 4000 && (c == ' ' || c == '\t' || c == '\r' || c == '\n'); skipped++) {
      c = reader.read();
    }
    reader.reset();
    if (kind == Kind.CSV && (c == '{' || c == '[')) {
      reader.close();
      throw refuse(name, "it holds JSON, not CSV; append newline-delimited JSON with --json");
    }
    if (kind == Kind.JSON && c >= 0 && c != '{') {
      reader.close();
      throw refuse(name, "it is not newline-delimited JSON (one object per line); append CSV with --csv");
    }
    return reader;
  }

  /** Reading that may fail to decode its text. */
  interface Reading<T> {
    /** Reads, returning what was read. */
    T read() throws IOException;
  }

  /**
   * Runs the reading, turning a decoding failure wherever the reader met it (the first line or any
   * later one, directly or wrapped by a parser) into the one line for text that is not UTF-8.
   */
  static <T> T decoding(String name, Reading<T> reading) throws IOException {
    try {
      return reading.read();
    } catch (CharacterCodingException e) {
      throw notUtf8(name, e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw notUtf8(name, e.getCause());
      }
      throw e;
    }
  }

  /** The one line for text that is not UTF-8. */
  static CliException notUtf8(String name, Throwable cause) {
    return new CliException("cannot append " + name + ": it is not UTF-8 text (Latin-1 or another encoding?);"
        + " convert it first, e.g. iconv -f latin1 -t utf-8; nothing was committed", cause);
  }

  private static final String PARQUET = "a Parquet file";

  private static byte[] peek(BufferedInputStream in) throws IOException {
    in.mark(SNIFF);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
    return head;
  }

  private static String binaryKind(byte[] head) {
    if (startsWith(head, "PAR1")) {
      return PARQUET;
    } else if (startsWith(head, "PK\u0003\u0004")) {
      return "a ZIP archive";
    } else if (head.length >= 3 && (head[0] & 0xff) == 'B' && (head[1] & 0xff) == 'Z' && head[2] == 'h') {
      return "a bzip2 file";
    } else if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
      return "a zstd file";
    }
    return null;
  }

  private static boolean startsWith(byte[] head, String magic) {
    if (head.length < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (head[i] != (byte) magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static CliException refuse(String name, String why) {
    return new CliException("cannot append " + name + ": " + why + "; nothing was committed");
  }
}
