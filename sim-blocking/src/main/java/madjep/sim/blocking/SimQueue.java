package madjep.sim.blocking;

import java.util.ArrayDeque;

/**
 * A FIFO queue among the tasks of one node, as a {@code java.util.concurrent.BlockingQueue} whose waits park tasks
 * in the simulator: {@link #take()} waits while it is empty, {@link #put} while it is full. Handing an item over is
 * a scheduling point. Made by {@link BlockingContext#newQueue}.
 */
public final class SimQueue<T> {
  private final TaskScheduler scheduler;
  private final int capacity;
  private final ArrayDeque<T> items = new ArrayDeque<>();
  private final ArrayDeque<Wait> takers = new ArrayDeque<>();
  private final ArrayDeque<Wait> putters = new ArrayDeque<>();

  SimQueue(TaskScheduler scheduler, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("expected a capacity of at least 1, found " + capacity);
    }
    this.scheduler = scheduler;
    this.capacity = capacity;
  }

  /** Adds {@code item}, parking the calling task while the queue is full. */
  public void put(T item) {
    SimTask me = scheduler.current("put");
    while (items.size() >= capacity) {
      Wait w = new Wait(me);
      putters.add(w);
      scheduler.await(w, -1);
    }
    items.add(item);
    wakeOne(takers);
    scheduler.schedulingPoint(me);
  }

  /** Adds {@code item} if there is room; never parks. */
  public boolean offer(T item) {
    SimTask me = scheduler.current("offer");
    if (items.size() >= capacity) {
      return false;
    }
    items.add(item);
    wakeOne(takers);
    scheduler.schedulingPoint(me);
    return true;
  }

  /** Removes the head, parking the calling task while the queue is empty. */
  public T take() {
    SimTask me = scheduler.current("take");
    while (items.isEmpty()) {
      Wait w = new Wait(me);
      takers.add(w);
      scheduler.await(w, -1);
    }
    return removeHead(me);
  }

  /** The head, removed, or null when empty; never parks. */
  public T poll() {
    SimTask me = scheduler.current("poll");
    return items.isEmpty() ? null : removeHead(me);
  }

  /** Like {@link #take()} for at most {@code timeout} ns of the node's clock; null when the time ran out. */
  public T poll(long timeout) {
    SimTask me = scheduler.current("poll");
    long deadline = scheduler.ctx.monotonic() + timeout;
    while (items.isEmpty()) {
      long left = deadline - scheduler.ctx.monotonic();
      if (left <= 0) {
        return null;
      }
      Wait w = new Wait(me);
      takers.add(w);
      scheduler.await(w, left);
    }
    return removeHead(me);
  }

  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  private T removeHead(SimTask me) {
    T x = items.poll();
    wakeOne(putters);
    scheduler.schedulingPoint(me);
    return x;
  }

  private static void wakeOne(ArrayDeque<Wait> waits) {
    Wait w;
    while ((w = waits.poll()) != null) {
      if (w.complete()) {
        return;
      }
    }
  }
}
