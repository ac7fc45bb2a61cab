package io.tidemark.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads newline-delimited JSON (one object per line, UTF-8, plain or gzip) as records of a table's
 * schema, for an append or overwrite to write in one commit. Keys are matched to columns as CSV header names are; a missing key or JSON null is null;
 * numbers, booleans and strings are read as the column's type reads their text, so values take the
 * same forms as in CSV. Any bad line fails the whole command and nothing is committed.
 */
final class JsonAppender {
  private static final ObjectReader READER = Json.MAPPER.reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS); // decimals keep every digit

  private JsonAppender() {}

  /**
   * Reads the objects of {@code file} ({@code -}: {@code stdin}) as records of {@code schema} and
   * hands each to {@code sink}.
   *
   * @return the number of objects read
   */
  static long read(String file, Schema schema, InputStream stdin, RowProgress progress, Consumer<Record> sink)
      throws IOException {
    return InputFiles.decoding(file, () -> readObjects(file, schema, stdin, progress, sink));
  }

  private static long readObjects(String file, Schema schema, InputStream stdin, RowProgress progress,
      Consumer<Record> sink) throws IOException {
    try (BufferedReader lines = InputFiles.open(file, InputFiles.Kind.JSON, stdin)) {
      CsvAppender rows = new CsvAppender(file, schema);
      List<NestedField> columns = schema.columns();
      long count = 0;
      long lineNumber = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        count++;
        String where = "object " + count + " (line " + lineNumber + ")";
        JsonNode node;
        try {
          node = READER.readTree(line);
        } catch (JsonProcessingException e) {
          throw rows.fail(where + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
          throw rows.fail(where + " is not a JSON object; give one object per line");
        }
        List<String> texts = new ArrayList<>();
        int[] target = new int[node.size()];
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        for (int i = 0; fields.hasNext(); i++) {
          Map.Entry<String, JsonNode> field = fields.next();
          target[i] = CsvAppender.indexOf(columns, field.getKey());
          if (target[i] < 0) {
            throw rows.fail(where + " has key '" + field.getKey() + "', which the table does not have (its columns are "
                + String.join(", ", columns.stream().map(NestedField::name).toList()) + ")");
          }
          texts.add(text(field.getValue(), rows, where + ", key '" + field.getKey() + "'"));
        }
        sink.accept(rows.record(where, target, texts::get));
        progress.rows(count);
      }
      progress.done(count);
      return count;
    }
  }

  /** A scalar's text as CSV would hold it; null for JSON null. */
  private static String text(JsonNode value, CsvAppender rows, String where) {
    if (value.isNull()) {
      return null;
    } else if (value.isTextual()) {
      return value.textValue();
    } else if (value.isFloatingPointNumber()) {
      return value.decimalValue().toPlainString();
    } else if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    throw rows.fail(where + " is " + (value.isArray() ? "an array" : "an object")
        + "; nested values cannot be appended from the command line");
  }
}
