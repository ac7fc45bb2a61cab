package io.tidemark.cli;

import io.tidemark.core.AppendWriter;
import io.tidemark.core.CommitResult;
import io.tidemark.core.Table;
import io.tidemark.core.data.Record;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.csv.QuoteMode;

/**
 * Appends the rows of a CSV file (RFC 4180, UTF-8, header row) to a table in one commit. Header
 * names are matched to column names; columns the header lacks are null. An empty field is null,
 * except that a quoted empty field ({@code ""}) is the empty string for string and binary columns.
 * Any bad row fails the whole append and nothing is committed: the writer is closed without
 * committing, which deletes the files it wrote.
 */
final class CsvAppender {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .setQuoteMode(QuoteMode.ALL_NON_NULL) // makes ,, read as null and ,"", as the empty string
      .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
      .setAllowMissingColumnNames(false)
      .build();

  private final Path file;
  private final Schema schema;
  private final List<NestedField> columns;

  private CsvAppender(Path file, Schema schema) {
    this.file = file;
    this.schema = schema;
    this.columns = schema.columns();
  }

  /**
   * Appends the file's rows to the table.
   *
   * @return the commit, or null when the file has no data rows (then nothing is committed)
   * @throws CliException naming the file, and the row, line, column and value when one is bad
   */
  static CommitResult append(Table table, Path file) throws IOException {
    return append(table, file, false);
  }

  /**
   * Appends the file's rows; with {@code mergeSchema}, header names the table lacks become new
   * optional {@code string} columns, added in the same commit.
   */
  static CommitResult append(Table table, Path file, boolean mergeSchema) throws IOException {
    try (LineCountingReader lines = new LineCountingReader(open(file));
         CSVParser parser = parse(lines, file);
         AppendWriter writer = table.newAppend().mergeSchema(mergeSchema)) {
      Schema schema = mergeSchema ? widen(writer.schema(), parser.getHeaderNames()) : writer.schema();
      CsvAppender appender = new CsvAppender(file, schema);
      int[] target = appender.mapHeader(parser.getHeaderNames());
      long rows = 0;
      Iterator<CSVRecord> it = parser.iterator();
      while (appender.hasNext(it)) {
        CSVRecord csv = it.next();
        if (target.length > 1 && csv.size() == 1 && (csv.get(0) == null || csv.get(0).isEmpty())) {
          continue; // a blank line
        }
        rows++;
        writer.write(appender.toRecord(csv, target, rows, lines.lineOf(csv.getCharacterPosition())));
      }
      return rows == 0 ? null : writer.commit();
    }
  }

  /** The schema plus an optional string column for each header name it lacks. */
  private static Schema widen(Schema schema, List<String> header) {
    List<NestedField> columns = new ArrayList<>(schema.columns());
    int id = schema.highestFieldId();
    for (String name : header) {
      if (name != null && !name.isBlank() && schema.findColumn(name) == null
          && columns.stream().noneMatch(c -> c.name().equals(name))) {
        columns.add(NestedField.optional(++id, name, PrimitiveType.STRING));
      }
    }
    return columns.size() == schema.columns().size() ? schema : new Schema(columns);
  }

  private static BufferedReader open(Path file) throws IOException {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("CSV file not found: " + file, e);
    }
    reader.mark(1);
    if (reader.read() != '\uFEFF') { // skip a byte order mark
      reader.reset();
    }
    return reader;
  }

  private static CSVParser parse(LineCountingReader reader, Path file) throws IOException {
    try {
      return FORMAT.parse(reader);
    } catch (IllegalArgumentException e) {
      throw new CliException("cannot append " + file + ": bad CSV header: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw unreadable(file, e.getCause());
    }
  }

  private static CliException unreadable(Path file, IOException e) {
    String why = e instanceof CharacterCodingException ? "it is not UTF-8 text" : e.getMessage();
    return new CliException("cannot append " + file + ": cannot read it as CSV: " + why
        + "; nothing was committed", e);
  }

  /** For each header position, the table column it fills. */
  private int[] mapHeader(List<String> header) {
    if (header.isEmpty()) {
      throw fail("the file is empty; its first line must be a header naming the columns");
    }
    List<String> unknown = new ArrayList<>();
    int[] target = new int[header.size()];
    for (int i = 0; i < target.length; i++) {
      target[i] = schema.asStruct().indexOf(header.get(i));
      if (target[i] < 0) {
        unknown.add(header.get(i));
      } else if (columns.get(target[i]).type().isNested()) {
        NestedField f = columns.get(target[i]);
        throw fail("column '" + f.name() + "' is " + f.type() + "; nested types cannot be read from CSV");
      }
    }
    if (!unknown.isEmpty()) {
      throw fail("the CSV header names " + (unknown.size() == 1 ? "a column" : "columns")
          + " the table does not have: " + String.join(", ", unknown) + " (the table's columns are "
          + String.join(", ", columns.stream().map(NestedField::name).toList()) + ")");
    }
    for (NestedField f : columns) {
      if (f.required() && !header.contains(f.name())) {
        throw fail("required column '" + f.name() + "' (" + f.type() + " not null) is missing from the CSV header");
      }
    }
    return target;
  }

  private boolean hasNext(Iterator<CSVRecord> it) {
    try {
      return it.hasNext();
    } catch (UncheckedIOException e) {
      throw unreadable(file, e.getCause());
    } catch (IllegalStateException e) {
      throw unreadable(file, new IOException(e.getMessage(), e));
    }
  }

  private Record toRecord(CSVRecord csv, int[] target, long row, long line) {
    String where = "data row " + row + " (line " + line + ")";
    if (csv.size() != target.length) {
      throw fail(where + " has " + csv.size() + " fields but the header has " + target.length);
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < target.length; i++) {
      NestedField f = columns.get(target[i]);
      String text = csv.get(i);
      try {
        values[target[i]] = value(f, text);
      } catch (BadValueException e) {
        throw fail(where + ", column '" + f.name() + "' (" + f.type() + "): " + show(text) + " " + e.getMessage());
      }
    }
    for (int i = 0; i < values.length; i++) {
      NestedField f = columns.get(i);
      if (values[i] == null && f.required()) {
        throw fail(where + ", column '" + f.name() + "' is empty, but the column is required ("
            + f.type() + " not null)");
      }
    }
    try {
      return Record.of(schema, values);
    } catch (TidemarkException e) {
      throw fail(where + ": " + e.getMessage());
    }
  }

  private static Object value(NestedField field, String text) throws BadValueException {
    if (text == null) {
      return null;
    }
    boolean emptyAllowed = field.type() == PrimitiveType.STRING || field.type() == PrimitiveType.BINARY;
    if (text.isEmpty() && !emptyAllowed) {
      return null;
    }
    return CsvValueParser.parse(field.type(), text);
  }

  private static String show(String text) {
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }

  private CliException fail(String detail) {
    return new CliException("cannot append " + file + ": " + detail + "; nothing was committed");
  }
}
