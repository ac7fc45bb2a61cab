package io.tidemark.cli;

import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.PrimitiveType;
import io.tidemark.spec.types.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Guesses a table schema from a CSV file's header and first rows: each column gets the first of
 * long, double, boolean, date, timestamp and string that reads every non-empty value of the rows
 * looked at (as {@code append} would read them), all columns optional; a column with no values is
 * string.
 */
final class SchemaInference {
  /** Rows looked at: enough to see a column's kind, few enough to answer at once on a big file. */
  static final int SAMPLE_ROWS = 10_000;

  private static final PrimitiveType[] CANDIDATES = {PrimitiveType.LONG, PrimitiveType.DOUBLE,
      PrimitiveType.BOOLEAN, PrimitiveType.DATE, PrimitiveType.TIMESTAMP, PrimitiveType.STRING};

  private SchemaInference() {}

  /** The schema the file's header and first {@link #SAMPLE_ROWS} rows suggest. */
  static Schema infer(String file, CsvDialect dialect, InputStream stdin) throws IOException {
    try {
      return InputFiles.decoding(file, () -> sample(file, dialect, stdin));
    } catch (CliException e) {
      // the input checks word their errors for append
      String prefix = "cannot append ";
      String message = e.getMessage().replace("; nothing was committed", "");
      throw message.startsWith(prefix)
          ? new CliException("cannot infer a schema from " + message.substring(prefix.length()), e) : e;
    }
  }

  private static Schema sample(String file, CsvDialect dialect, InputStream stdin) throws IOException {
    try (BufferedReader reader = InputFiles.open(file, InputFiles.Kind.CSV, stdin);
         CSVParser parser = dialect.format().builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty() || header.stream().anyMatch(h -> h == null || h.isBlank())) {
        throw new CliException("cannot infer a schema from " + file + ": its first line must name every column");
      }
      boolean[][] possible = new boolean[header.size()][CANDIDATES.length];
      boolean[] seen = new boolean[header.size()];
      for (boolean[] p : possible) {
        java.util.Arrays.fill(p, true);
      }
      int rows = 0;
      for (CSVRecord csv : parser) {
        if (++rows > SAMPLE_ROWS) {
          break;
        }
        for (int i = 0; i < Math.min(csv.size(), header.size()); i++) {
          String text = csv.get(i);
          if (text == null || text.isEmpty()) {
            continue;
          }
          seen[i] = true;
          for (int c = 0; c < CANDIDATES.length - 1; c++) {
            possible[i][c] = possible[i][c] && reads(CANDIDATES[c], text);
          }
        }
      }
      List<NestedField> columns = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        int c = seen[i] ? 0 : CANDIDATES.length - 1;
        while (!possible[i][c]) {
          c++;
        }
        columns.add(NestedField.optional(i + 1, header.get(i).strip(), CANDIDATES[c]));
      }
      return new Schema(columns);
    } catch (IllegalArgumentException e) {
      throw new CliException("cannot infer a schema from " + file + ": bad CSV header: " + e.getMessage(), e);
    }
  }

  private static boolean reads(PrimitiveType type, String text) {
    try {
      CsvValueParser.parse(type, text);
      return true;
    } catch (BadValueException | RuntimeException e) {
      return false;
    }
  }
}
