package io.tidemark.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.DataFile;
import io.tidemark.core.DataWriter;
import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetBaselineTest {
  @TempDir
  Path dir;

  @Test
  void theBaselineWritesTheParquetSchemaTidemarkWrites() throws Exception {
    Table table = Tables.create(dir.toString(), Dataset.SCHEMA, Map.of());
    List<DataFile> files;
    try (DataWriter w = table.newDataWriter()) {
      for (var r : Dataset.generate(10).rows) {
        w.write(r);
      }
      files = w.finish();
    }
    assertThat(files).hasSize(1);
    MessageType written;
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(dir.resolve(files.get(0).path())))) {
      written = reader.getFileMetaData().getSchema();
    }
    assertThat(ParquetBaseline.SCHEMA.toString()).isEqualTo(written.toString());
    assertThat(ParquetBaseline.SCHEMA).isEqualTo(written);
  }
}
