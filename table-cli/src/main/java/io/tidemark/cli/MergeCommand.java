package io.tidemark.cli;

import io.tidemark.core.Merge;
import io.tidemark.core.MergeResult;
import io.tidemark.core.Table;
import io.tidemark.core.data.Record;
import io.tidemark.spec.types.NestedField;
import io.tidemark.spec.types.Schema;
import io.tidemark.spec.types.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tidemark merge TABLE (--csv FILE | --json FILE) --key K[,K2] [--delete-column C]}. */
@Command(name = "merge", header = "Upserts the rows of a CSV or JSON file into a table by key, in one commit.",
    description = {"Applies the rows of a CSV or JSON file to a table by a key, in one commit",
        "(MERGE): a row whose key matches rows of the table replaces them; a row whose key",
        "matches none is inserted; with --delete-column, a row whose value there is true",
        "deletes the rows its key matches instead (and is never inserted). Only the files",
        "that may hold a key are read; in merge-on-read mode replaced rows go into deletion",
        "vectors. The file is read as 'tidemark append' reads it (same options and forms);",
        "a bad row, a null key or two rows with one key commit nothing."},
    footer = {"", "Examples:", "  tidemark merge /data/users --csv changes.csv --key id",
        "  tidemark merge /data/users --csv cdc.csv --key tenant,id --delete-column gone"})
final class MergeCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "TABLE", description = "The table's location.")
  String table;

  @Mixin
  InputOptions in;

  @Option(names = "--key", required = true, paramLabel = "COLUMNS",
      description = "The key columns, separated by commas (e.g. id or tenant,id).")
  String key;

  @Option(names = "--delete-column", paramLabel = "COLUMN", description = {"A boolean column: rows where it is true",
      "delete the rows their key matches. A table column, or else a column only of the",
      "file (then not written to the table)."})
  String deleteColumn;

  @Override
  void run() throws Exception {
    List<String> keys = Arrays.stream(key.split(",", -1)).map(String::strip).toList();
    if (keys.stream().anyMatch(String::isEmpty)) {
      throw new ParameterException(spec.commandLine(), "--key must name columns separated by commas, was '" + key + "'");
    }
    Table t = open(table);
    Schema schema = t.refresh().schema();
    Schema fileSchema = schema;
    int flag = -1;
    if (deleteColumn != null) {
      NestedField column = schema.findColumn(deleteColumn);
      if (column == null) {
        // a column only of the file: read it after the table's columns, then leave it out
        List<NestedField> columns = new ArrayList<>(schema.columns());
        columns.add(NestedField.optional(schema.highestFieldId() + 1, deleteColumn, Types.BOOLEAN));
        fileSchema = new Schema(columns);
        flag = columns.size() - 1;
      } else if (!column.type().equals(Types.BOOLEAN)) {
        throw new ParameterException(spec.commandLine(), "--delete-column " + deleteColumn + " must be a boolean"
            + " column; it is " + column.type());
      } else {
        flag = schema.columns().indexOf(column);
      }
    }
    List<Record> source = new ArrayList<>();
    Set<Record> deleting = Collections.newSetFromMap(new IdentityHashMap<>());
    int width = schema.columns().size();
    int flagAt = flag;
    boolean fileOnly = fileSchema != schema;
    long rows = in.read(spec.commandLine(), "merge", fileSchema, false, r -> {
      Record row = r;
      if (fileOnly) {
        Object[] values = new Object[width];
        for (int i = 0; i < width; i++) {
          values[i] = r.get(i);
        }
        row = Record.of(schema, values);
      }
      if (flagAt >= 0 && Boolean.TRUE.equals(r.get(flagAt))) {
        deleting.add(row);
      }
      source.add(row);
    });
    if (rows == 0) {
      out().println("no data rows in " + in.file() + "; nothing was committed");
      return;
    }
    Merge merge = t.newMerge().on(keys.toArray(String[]::new)).source(source).whenMatchedUpdateAll()
        .whenNotMatchedInsertAll();
    if (deleteColumn != null) {
      merge.whenMatchedDeleteIf(deleting::contains);
    }
    MergeResult r = merge.commit();
    if (!r.committed()) {
      out().printf("nothing to merge: %d rows read changed nothing; nothing was committed%n", rows);
    } else {
      out().printf("merged %d rows into %s as version %d: %d updated, %d inserted, %d deleted%n", rows, table,
          r.version(), r.numUpdatedRows(), r.numInsertedRows(), r.numDeletedRows());
    }
  }
}
