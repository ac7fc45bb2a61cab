package io.tidemark.core;

import io.tidemark.core.data.Record;
import io.tidemark.spec.partition.PartitionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The operations a crash worker runs in one round, derived only from the round's seed, so that the
 * test knows what was attempted without the worker telling it (the worker is killed at a random
 * point and may leave nothing behind). Appends write the rows of a "block": ids unique to the
 * round and the operation's index, so every row identifies the append that wrote it.
 */
final class CrashPlan {
  /** Rows per append; spread over the buckets, so most appends write several files. */
  static final int ROWS = 6;
  /** The table's spec: rows of one append land in several files, compaction works per bucket. */
  static final int BUCKETS = 3;
  /** Table properties: a checkpoint every few commits, besides the explicit ones. */
  static final Map<String, String> PROPERTIES = Map.of("checkpoint.interval", "4");
  /** Blocks of one round lie below this: op index < this bound. */
  private static final long OPS_PER_ROUND = 10_000;

  enum Kind { APPEND, DELETE, COMPACT, CHECKPOINT, VACUUM }

  /**
   * One attempted operation.
   *
   * @param index its position in the round's sequence
   * @param kind what it does
   * @param block the block an append writes or a delete removes; -1 otherwise
   */
  record Op(int index, Kind kind, long block) {
  }

  private final long seed;
  private final int round;
  private final Random random;
  private final List<Op> ops = new ArrayList<>();
  private final List<Long> appended = new ArrayList<>();

  CrashPlan(long seed, int round) {
    this.seed = seed;
    this.round = round;
    this.random = new Random(seed * 1_000_003L + round);
  }

  static PartitionSpec spec() {
    return PartitionSpec.builderFor(TestTables.SCHEMA).bucket("id", BUCKETS).build();
  }

  /** The block the test's own append after a round writes (beyond any worker's). */
  static long parentBlock(int round) {
    return round * OPS_PER_ROUND + OPS_PER_ROUND - 1;
  }

  /** The ids of a block's rows. */
  static List<Long> ids(long block) {
    List<Long> ids = new ArrayList<>();
    for (long id = block * ROWS; id < (block + 1) * ROWS; id++) {
      ids.add(id);
    }
    return ids;
  }

  static List<Record> rows(long block) {
    return TestTables.rows(block * ROWS, (block + 1) * ROWS);
  }

  /** The filter that selects exactly a block's rows. */
  static String blockFilter(long block) {
    return "id >= " + block * ROWS + " and id < " + (block + 1) * ROWS;
  }

  /** The operation at an index; generated in order, so asking for index n generates 0..n. */
  Op op(int index) {
    while (ops.size() <= index) {
      ops.add(next(ops.size()));
    }
    return ops.get(index);
  }

  private Op next(int index) {
    if (index >= OPS_PER_ROUND - 1) {
      throw new IllegalStateException("round " + round + " of seed " + seed + " ran out of blocks");
    }
    int dice = random.nextInt(100);
    if (dice < 50 || appended.isEmpty()) {
      long block = round * OPS_PER_ROUND + index;
      appended.add(block);
      return new Op(index, Kind.APPEND, block);
    } else if (dice < 62) {
      return new Op(index, Kind.DELETE, appended.get(random.nextInt(appended.size())));
    } else if (dice < 77) {
      return new Op(index, Kind.COMPACT, -1);
    } else if (dice < 89) {
      return new Op(index, Kind.CHECKPOINT, -1);
    }
    return new Op(index, Kind.VACUUM, -1);
  }
}
