package io.tidemark.s3;

import static io.tidemark.core.TestTables.SCHEMA;
import static io.tidemark.core.TestTables.append;
import static io.tidemark.core.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import io.tidemark.core.VacuumReport;
import io.tidemark.core.io.FileEntry;
import io.tidemark.spec.error.StorageException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.S3Error;

/** Vacuum on S3 deletes with {@code DeleteObjects}, and names the files S3 refused to delete. */
@ExtendWith(S3Extension.class)
class S3VacuumTest {
  private static final int FILES = 12;

  @Test
  void vacuumDeletesManyFilesInOneDeleteObjectsRequest(S3TestEnv env) throws Exception {
    RequestLog log = new RequestLog();
    try (S3FileIO io = env.builder().interceptor(log).build();
        Table table = tableWithUnreferencedFiles(io, env.newPrefix() + "/t")) {
      log.clear();
      VacuumReport report = table.vacuum().retain(Duration.ZERO).force(true).execute();
      assertThat(report.dataFiles()).hasSize(FILES);
      assertThat(log.calls("DeleteObjects")).hasSize(1);
      assertThat(log.calls("DeleteObject")).isEmpty();
      assertThat(io.list(table.location() + "/data/", null)).isEmpty();
    }
  }

  @Test
  void keysS3RefusesToDeleteAreNamedAndTheOthersAreDeleted(S3TestEnv env) throws Exception {
    RefuseTwoKeys refuse = new RefuseTwoKeys();
    try (S3FileIO io = env.builder().interceptor(refuse).build();
        Table table = tableWithUnreferencedFiles(io, env.newPrefix() + "/t")) {
      List<String> before = io.list(table.location() + "/data/", null).stream().map(FileEntry::location).toList();
      refuse.active = true;
      assertThatThrownBy(() -> table.vacuum().retain(Duration.ZERO).force(true).execute())
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("could not delete 2 of " + FILES + " files")
          .hasMessageContaining(before.get(0) + ": AccessDenied")
          .hasMessageContaining(before.get(1) + ": AccessDenied");
    }
  }

  /** A table whose data files are all removed (deleted rows), so that vacuum may delete them. */
  private static Table tableWithUnreferencedFiles(S3FileIO io, String location) throws InterruptedException {
    Table table = Tables.create(io, location, SCHEMA, Map.of());
    for (int i = 0; i < FILES; i++) {
      append(table, rows(i, i + 1));
    }
    table.newDelete().where("id >= 0").commit();
    Thread.sleep(5); // vacuum deletes files modified before now minus the (zero) retention
    return table;
  }

  /** Answers a DeleteObjects as if S3 had refused its first two keys. */
  private static final class RefuseTwoKeys implements ExecutionInterceptor {
    volatile boolean active;

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
      if (active && context.request() instanceof DeleteObjectsRequest request
          && context.response() instanceof DeleteObjectsResponse) {
        List<S3Error> errors = request.delete().objects().stream().limit(2)
            .map(o -> S3Error.builder().key(o.key()).code("AccessDenied").message("Access Denied").build()).toList();
        return DeleteObjectsResponse.builder().errors(errors).build();
      }
      return context.response();
    }
  }
}
