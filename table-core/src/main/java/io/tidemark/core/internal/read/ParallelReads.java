package io.tidemark.core.internal.read;

import io.tidemark.core.data.CloseableIterator;
import io.tidemark.spec.error.StorageException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The items of several parts (files of a scan) read on up to {@code threads} threads of its own
 * and returned in part order, each part's items in their order: exactly what reading the parts
 * one after another returns. At most {@code threads} parts are open at once, and each hands over
 * at most {@link #QUEUED_BATCHES} batches of {@link #BATCH} items ahead of the consumer, so the
 * memory held is bounded whatever the parts' sizes.
 *
 * <p>A failure while opening or reading a part is thrown by {@link #hasNext()} on the consumer's
 * thread, as the same exception, once the items read before it have been returned (as a
 * sequential read would). {@link #close()} stops the workers, waits for them to close their parts
 * and ends the threads; reaching the end does the same. One consumer thread.
 *
 * @param <P> what a part is
 * @param <T> the items
 */
public final class ParallelReads<P, T> implements CloseableIterator<T> {
  /** Items handed over at once. */
  static final int BATCH = 1024;
  /** Batches a part may read ahead of the consumer. */
  static final int QUEUED_BATCHES = 4;
  private static final Logger LOG = LoggerFactory.getLogger(ParallelReads.class);
  private static final Object END = new Object();
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final List<P> parts;
  private final Function<P, ? extends CloseableIterator<T>> open;
  private final int threads;
  private final ArrayDeque<Slot> inFlight = new ArrayDeque<>();
  private final List<Thread> started = new CopyOnWriteArrayList<>();
  private ExecutorService workers;
  private volatile boolean closed;
  private int submitted;
  private Object[] batch;
  private int index;

  /**
   * @param parts the parts, in the order their items are returned
   * @param open opens a part (on a worker thread); the iterator is closed by the worker
   * @param threads at most this many parts are read at once, each on a thread of its own
   */
  public ParallelReads(List<P> parts, Function<P, ? extends CloseableIterator<T>> open, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.parts = List.copyOf(parts);
    this.open = open;
    this.threads = threads;
  }

  /** One part being read: the batches its worker handed over, then {@link #END}. */
  private static final class Slot {
    final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES + 1);
    volatile Throwable failure;
  }

  @Override
  public boolean hasNext() {
    while (batch == null || index >= batch.length) {
      batch = null;
      if (closed) {
        return false;
      }
      if (workers == null) {
        start();
      }
      Slot slot = inFlight.peekFirst();
      if (slot == null) {
        close();
        return false;
      }
      Object item;
      try {
        item = slot.queue.take();
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new StorageException("interrupted while waiting for the rows of a parallel read", e);
      }
      if (item == END) {
        inFlight.removeFirst();
        Throwable failure = slot.failure;
        if (failure != null) {
          close();
          throw rethrow(failure);
        }
        submitNext();
        continue;
      }
      batch = (Object[]) item;
      index = 0;
    }
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return (T) batch[index++];
  }

  private void start() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "tidemark-read-" + pool + "-" + count.incrementAndGet());
      t.setDaemon(true);
      started.add(t);
      return t;
    };
    workers = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, parts.size())), factory);
    for (int i = 0; i < threads; i++) {
      submitNext();
    }
  }

  private void submitNext() {
    if (submitted >= parts.size() || closed) {
      return;
    }
    P part = parts.get(submitted++);
    Slot slot = new Slot();
    inFlight.addLast(slot);
    workers.execute(() -> read(part, slot));
  }

  /** A worker: reads one part into its slot. */
  private void read(P part, Slot slot) {
    try (CloseableIterator<T> items = open.apply(part)) {
      Object[] buffer = new Object[BATCH];
      int n = 0;
      while (!closed && items.hasNext()) {
        buffer[n++] = items.next();
        if (n == BATCH) {
          hand(slot, buffer);
          buffer = new Object[BATCH];
          n = 0;
        }
      }
      if (n > 0) {
        hand(slot, Arrays.copyOf(buffer, n));
      }
    } catch (InterruptedException e) {
      return; // closed: nobody waits for this part
    } catch (Throwable t) {
      slot.failure = t;
    }
    try {
      hand(slot, END);
    } catch (InterruptedException e) {
      // closed: nobody waits for this part
    }
  }

  /**
   * Hands an item to the consumer, waiting while the slot is full; gives up once closed (checked
   * between waits, so a worker whose interrupt was swallowed by a read still ends).
   */
  private void hand(Slot slot, Object item) throws InterruptedException {
    while (!slot.queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
      if (closed) {
        throw new InterruptedException("closed");
      }
    }
  }

  private static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      return r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(failure);
  }

  /** Stops the workers and waits until they have closed their parts and ended. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    batch = null;
    inFlight.clear();
    if (workers == null) {
      return;
    }
    workers.shutdownNow(); // interrupts workers waiting to hand over a batch
    boolean interrupted = false;
    try {
      while (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("parallel read: still waiting for a worker to close its file");
      }
      for (Thread t : started) {
        t.join(); // the pool ends its threads just after it says it terminated
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
