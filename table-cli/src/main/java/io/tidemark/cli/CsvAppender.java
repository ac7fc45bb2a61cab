package io.tidemark.cli;

import io.tidemark.core.data.Record;
import io.tidemark.spec.error.TidemarkException;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a CSV file (UTF-8; RFC 4180 by default, or the {@link CsvDialect} given) as
 * records of a table's schema, for an append or overwrite to write in one commit. Header names are matched to column names, exactly or else ignoring case
 * and surrounding blanks; columns the header lacks are null. An empty field is null, except that a
 * quoted empty field ({@code ""}) is the empty string for string and binary columns. Any bad row
 * fails the whole append and nothing is committed: the writer is closed without committing, which
 * deletes the files it wrote.
 */
final class CsvAppender {
  private final String file;
  private final Schema schema;
  private final List<NestedField> columns;

  CsvAppender(String file, Schema schema) {
    this.file = file;
    this.schema = schema;
    this.columns = schema.columns();
  }

  /**
   * Reads the rows of {@code file} ({@code -}: {@code stdin}) as records of the table's schema and
   * hands each to {@code sink}; with {@code widen}, header names the table lacks become new optional
   * {@code string} columns of the records (an append with schema merging adds them).
   *
   * @return the number of rows read
   * @throws CliException naming the file, and the row, line, column and value when one is bad
   */
  static long read(String file, CsvDialect dialect, Schema tableSchema, boolean widen, InputStream stdin,
      RowProgress progress, Consumer<Record> sink) throws IOException {
    return InputFiles.decoding(file, () -> readRows(file, dialect, tableSchema, widen, stdin, progress, sink));
  }

  private static long readRows(String file, CsvDialect dialect, Schema tableSchema, boolean widen,
      InputStream stdin, RowProgress progress, Consumer<Record> sink) throws IOException {
    CSVFormat format = dialect.format();
    try (LineCountingReader lines = new LineCountingReader(InputFiles.open(file, InputFiles.Kind.CSV, stdin))) {
      if (!dialect.header()) {
        format = format.builder().setHeader(tableSchema.columns().stream().map(NestedField::name)
            .toArray(String[]::new)).setSkipHeaderRecord(false).build();
      } else {
        format = format.builder().setHeader().setSkipHeaderRecord(true).build();
      }
      CSVParser parser = parse(format, lines, file);
      List<String> header = parser.getHeaderNames();
      Schema schema = widen ? widen(tableSchema, header) : tableSchema;
      CsvAppender appender = new CsvAppender(file, schema);
      int[] target = appender.mapHeader(header, dialect);
      long rows = 0;
      Iterator<CSVRecord> it = parser.iterator();
      while (appender.hasNext(it)) {
        CSVRecord csv = it.next();
        if (target.length > 1 && csv.size() == 1 && (csv.get(0) == null || csv.get(0).isEmpty())) {
          continue; // a blank line
        }
        rows++;
        sink.accept(appender.toRecord(csv, target, rows, lines.lineOf(csv.getCharacterPosition())));
        progress.rows(rows);
      }
      progress.done(rows);
      return rows;
    }
  }

  /** The schema plus an optional string column for each header name it lacks. */
  private static Schema widen(Schema schema, List<String> header) {
    List<NestedField> columns = new ArrayList<>(schema.columns());
    int id = schema.highestFieldId();
    for (String name : header) {
      if (name != null && !name.isBlank() && indexOf(columns, name) < 0) {
        columns.add(NestedField.optional(++id, name.strip(), PrimitiveType.STRING));
      }
    }
    return columns.size() == schema.columns().size() ? schema : new Schema(columns);
  }

  /**
   * The column a header name fills: the one of that exact name, else the only one equal to it
   * ignoring case and surrounding blanks; -1 for none (or when several differ only in case).
   */
  static int indexOf(List<NestedField> columns, String name) {
    int loose = -1;
    String wanted = name.strip();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i).name();
      if (column.equals(name)) {
        return i;
      }
      if (column.equalsIgnoreCase(wanted)) {
        if (loose >= 0) {
          return -1;
        }
        loose = i;
      }
    }
    return loose;
  }

  private static CSVParser parse(CSVFormat format, LineCountingReader reader, String file) throws IOException {
    try {
      return format.parse(reader);
    } catch (IllegalArgumentException e) {
      throw new CliException("cannot append " + file + ": bad CSV header: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw unreadable(file, e.getCause());
    } catch (CharacterCodingException e) {
      throw unreadable(file, e);
    }
  }

  private static CliException unreadable(String file, IOException e) {
    if (e instanceof CharacterCodingException) {
      return InputFiles.notUtf8(file, e);
    }
    return new CliException("cannot append " + file + ": cannot read it as CSV: " + e.getMessage()
        + "; nothing was committed", e);
  }

  /** For each header position, the table column it fills. */
  private int[] mapHeader(List<String> header, CsvDialect dialect) {
    if (header.isEmpty()) {
      throw fail("the file is empty; its first line must be a header naming the columns");
    }
    if (header.size() == 1 && columns.size() > 1) {
      for (char c : new char[] {';', '\t', '|', ','}) {
        if (c != dialect.delimiter() && header.get(0).indexOf(c) >= 0) {
          throw fail("the header " + show(header.get(0)) + " is one field, but the table has "
              + columns.size() + " columns; if the file's fields are separated by "
              + (c == '\t' ? "tabs, add --delimiter '\\t'" : "'" + c + "', add --delimiter '" + c + "'"));
        }
      }
    }
    List<String> unknown = new ArrayList<>();
    int[] target = new int[header.size()];
    for (int i = 0; i < target.length; i++) {
      if (header.get(i) == null || header.get(i).isBlank()) {
        throw fail("header field " + (i + 1) + " is empty; every field of the header must name a column");
      }
      target[i] = indexOf(columns, header.get(i));
      for (int j = 0; j < i; j++) {
        if (target[i] >= 0 && target[j] == target[i]) {
          throw fail("the header names column '" + columns.get(target[i]).name() + "' twice (fields "
              + (j + 1) + " and " + (i + 1) + ")");
        }
      }
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
      if (f.required() && header.stream().noneMatch(h -> indexOf(columns, h) == columns.indexOf(f))) {
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
    return record(where, target, csv::get);
  }

  /**
   * The record of one row: field {@code i}'s text ({@code field.apply(i)}, null for null) fills
   * column {@code target[i]}; columns no field fills are null.
   *
   * @throws CliException naming {@code where}, the column and the value when one is bad
   */
  Record record(String where, int[] target, IntFunction<String> field) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < target.length; i++) {
      NestedField f = columns.get(target[i]);
      String text = field.apply(i);
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
    if (text == null) {
      return "";
    }
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }

  CliException fail(String detail) {
    return new CliException("cannot append " + file + ": " + detail + "; nothing was committed");
  }
}
