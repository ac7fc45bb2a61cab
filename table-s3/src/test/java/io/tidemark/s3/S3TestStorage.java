package io.tidemark.s3;

import io.tidemark.core.TestStorage;
import io.tidemark.core.io.FileIO;

/** Tables under a fresh S3 prefix: the storage the table suites of table-core run on here. */
public final class S3TestStorage implements TestStorage {
  private final S3TestEnv env;
  private final String prefix;

  /** Storage under a new prefix of the test bucket. */
  public S3TestStorage(S3TestEnv env) {
    this.env = env;
    this.prefix = env.newPrefix();
  }

  @Override
  public FileIO io() {
    return env.io();
  }

  @Override
  public String newLocation(String name) {
    return prefix + "/" + name;
  }
}
