package io.tidemark.core.internal.io;

import io.tidemark.core.io.OutputFile;
import io.tidemark.core.io.SupportsDeferredForce;
import io.tidemark.spec.error.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forces files written with {@link SupportsDeferredForce#createUnforced} side by side, on a shared pool of
 * daemon threads: a file system flushes concurrent requests together, so forcing a commit's
 * files (and its commit file) at once costs about one flush instead of one per file.
 */
public final class Forcing {
  /** Most files forced at once by one call. */
  static final int PARALLELISM = 8;

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
    Thread t = new Thread(task, "tidemark-force-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private Forcing() {}

  /**
   * Starts forcing the files in the background; {@link #await} the result before relying on them.
   * Returns a completed future when there is nothing to force.
   */
  public static Future<Void> start(List<? extends OutputFile> files) {
    if (files.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return POOL.submit(() -> {
      forceAll(files);
      return null;
    });
  }

  /**
   * Forces every file, up to {@value #PARALLELISM} at a time, and returns once all are durable.
   *
   * @throws IOException the first failure, with the others suppressed
   */
  public static void forceAll(List<? extends OutputFile> files) throws IOException {
    if (files.size() == 1) {
      force(files.get(0));
      return;
    }
    int slices = Math.min(PARALLELISM, files.size());
    List<Future<?>> running = new ArrayList<>(slices);
    for (int s = 0; s < slices; s++) {
      int slice = s;
      running.add(POOL.submit(() -> {
        for (int i = slice; i < files.size(); i += slices) {
          force(files.get(i));
        }
        return null;
      }));
    }
    IOException failure = null;
    for (Future<?> f : running) {
      try {
        await(f);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Forces a file that deferred it; one without {@link SupportsDeferredForce} is durable already. */
  private static void force(OutputFile file) throws IOException {
    if (file instanceof SupportsDeferredForce deferred) {
      deferred.force();
    }
  }

  /**
   * Waits for background forcing.
   *
   * @throws IOException when forcing failed
   * @throws StorageException when interrupted (the files may not be durable)
   */
  public static void await(Future<?> forcing) throws IOException {
    try {
      forcing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while forcing files to disk", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      } else if (cause instanceof RuntimeException re) {
        throw re;
      } else if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }
}
