package io.tidemark.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The commit primitive itself: of 8 threads racing for one key, exactly one wins, round after round. */
@ExtendWith(S3Extension.class)
class ExclusiveCreateRaceTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 100;

  @Test
  void eightThreadsRacingForOneKeyHaveExactlyOneWinnerEveryRound(S3TestEnv env) throws Exception {
    S3FileIO io = env.io();
    String root = env.newPrefix();
    CyclicBarrier barrier = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<boolean[]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          boolean[] won = new boolean[ROUNDS];
          for (int r = 0; r < ROUNDS; r++) {
            barrier.await(1, TimeUnit.MINUTES);
            won[r] = io.createExclusive(String.format("%s/_log/%020d.json", root, r), ("writer " + thread + "\n").getBytes(UTF_8));
          }
          return won;
        }));
      }
      int[] winners = new int[ROUNDS];
      int[] winner = new int[ROUNDS];
      for (int t = 0; t < THREADS; t++) {
        boolean[] won = futures.get(t).get(5, TimeUnit.MINUTES);
        for (int r = 0; r < ROUNDS; r++) {
          if (won[r]) {
            winners[r]++;
            winner[r] = t;
          }
        }
      }
      for (int r = 0; r < ROUNDS; r++) {
        assertThat(winners[r]).as("winners of round %d", r).isEqualTo(1);
        String content = new String(io.readIfExists(String.format("%s/_log/%020d.json", root, r)).orElseThrow(), UTF_8);
        assertThat(content).as("round %d holds the winner's bytes", r).isEqualTo("writer " + winner[r] + "\n");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
