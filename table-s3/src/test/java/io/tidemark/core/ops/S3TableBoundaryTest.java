package io.tidemark.core.ops;

import io.tidemark.core.TestStorage;
import io.tidemark.core.internal.ops.TableBoundarySuite;
import io.tidemark.s3.S3Extension;
import io.tidemark.s3.S3TestEnv;
import io.tidemark.s3.S3TestStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The boundary suite on S3: keys outside the table's prefix are never read or deleted. */
@ExtendWith(S3Extension.class)
class S3TableBoundaryTest extends TableBoundarySuite {
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
