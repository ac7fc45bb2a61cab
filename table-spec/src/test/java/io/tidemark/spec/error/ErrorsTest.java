package io.tidemark.spec.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  @Test
  void everyErrorIsATidemarkException() {
    List<TidemarkException> errors = List.of(
        new CommitConflictException(3, "x"),
        new CommitStateUnknownException("m", new IOException()),
        new CorruptLogException("f", 1, "p"),
        new DuplicateTransactionException("a", 1, 2),
        new InvalidArgumentException("m"),
        new SchemaMismatchException("f", "long", "string"),
        new StorageException("m", new IOException()),
        new TableAlreadyExistsException("loc"),
        new TableNotFoundException("loc"),
        new UnsupportedFeatureException("m"));

    assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(RuntimeException.class));
  }

  @Test
  void corruptLogNamesFileAndLine() {
    CorruptLogException e = new CorruptLogException("_log/00000000000000000001.json", 4, "bad");

    assertThat(e.getMessage()).isEqualTo("corrupt log file _log/00000000000000000001.json line 4: bad");
    assertThat(e.file()).isEqualTo("_log/00000000000000000001.json");
    assertThat(e.line()).isEqualTo(4);
  }

  @Test
  void corruptLogOfAWholeFileOmitsTheLine() {
    CorruptLogException e = new CorruptLogException("_log/x.json", 0, "missing", new IOException("io"));

    assertThat(e.getMessage()).isEqualTo("corrupt log file _log/x.json: missing");
    assertThat(e.line()).isZero();
    assertThat(e.getCause()).hasMessage("io");
  }

  @Test
  void commitConflictCarriesVersionAndReason() {
    CommitConflictException e = new CommitConflictException(12, "metadata changed");

    assertThat(e.conflictingVersion()).isEqualTo(12);
    assertThat(e.reason()).isEqualTo("metadata changed");
    assertThat(e.getMessage()).isEqualTo("commit conflict at version 12: metadata changed");
  }

  @Test
  void duplicateTransactionNamesAppAndVersions() {
    DuplicateTransactionException e = new DuplicateTransactionException("ingest", 5, 7);

    assertThat(e.appId()).isEqualTo("ingest");
    assertThat(e.appVersion()).isEqualTo(5);
    assertThat(e.committedAppVersion()).isEqualTo(7);
    assertThat(e.getMessage()).contains("'ingest'").contains("version 5").contains("holds version 7");
  }

  @Test
  void schemaMismatchNamesFieldExpectedAndFound() {
    SchemaMismatchException e = new SchemaMismatchException("pt.x", "double", "string");

    assertThat(e.getMessage()).isEqualTo("field 'pt.x': expected double, found string");
    assertThat(List.of(e.field(), e.expected(), e.found())).containsExactly("pt.x", "double", "string");
  }
}
