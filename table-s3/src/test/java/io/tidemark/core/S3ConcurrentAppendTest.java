package io.tidemark.core;

import io.tidemark.s3.S3Extension;
import io.tidemark.s3.S3TestEnv;
import io.tidemark.s3.S3TestStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** table-core's suite, on S3. */
@ExtendWith(S3Extension.class)
class S3ConcurrentAppendTest extends ConcurrentAppendSuite {
  private TestStorage storage;

  @BeforeEach
  void storage(S3TestEnv env) {
    storage = new S3TestStorage(env);
  }

  @Override
  protected TestStorage storage() {
    return storage;
  }
}
