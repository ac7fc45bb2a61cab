package io.tidemark.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.spec.error.StorageException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class StorageErrorsTest {
  @Test
  void aCauseThatAlreadyNamesTheOperationAndLocationIsNotRepeated() {
    IOException cause = new IOException("cannot list s3://b/t/_log/: cannot reach the S3 endpoint http://h:1");
    StorageException e = StorageErrors.failed("cannot list", "s3://b/t/_log/", cause);
    assertThat(e.getMessage()).isEqualTo("cannot list s3://b/t/_log/: cannot reach the S3 endpoint http://h:1");
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(StorageErrors.failed("cannot open data file", "s3://b/t/data/x.parquet",
        new IOException("cannot read s3://b/t/data/x.parquet: access denied")).getMessage())
        .isEqualTo("cannot open data file s3://b/t/data/x.parquet: access denied");
  }

  @Test
  void otherCausesAreKeptWholeAfterTheOperationAndLocation() {
    assertThat(StorageErrors.failed("cannot read", "/t/_log/1.json", new NoSuchFileException("/t/_log/1.json"))
        .getMessage()).isEqualTo("cannot read /t/_log/1.json: /t/_log/1.json");
    assertThat(StorageErrors.failed("cannot list", "/t/_log/", new IOException("cannot list /elsewhere/: gone"))
        .getMessage()).isEqualTo("cannot list /t/_log/: cannot list /elsewhere/: gone");
    assertThat(StorageErrors.failed("cannot list", "/t/_log/", new IOException()).getMessage())
        .isEqualTo("cannot list /t/_log/: IOException");
  }
}
