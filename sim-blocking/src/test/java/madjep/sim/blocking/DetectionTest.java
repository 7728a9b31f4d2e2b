package madjep.sim.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.locks.ReentrantLock;
import madjep.sim.Durations;
import madjep.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A task that blocks outside the simulator stops the run with the node, the task and the line, on both carriers,
 * instead of hanging or letting real time decide; a task that throws or spins stops it too.
 */
class DetectionTest {
  enum Mode {
    DIRECT, HANDOFF
  }

  /** What the culprit task does. */
  interface Culprit {
    void run(BlockingContext ctx) throws Exception;
  }

  /**
   * Runs {@code sim} for a second and returns what stopped it: node code that throws (here, the scheduler's reports
   * of a task blocking outside the simulation) ends the run as the system's failure, kept by the simulation.
   */
  private static <T extends Throwable> T failureOf(Class<T> type, Simulation sim) {
    sim.runUntil(Durations.s(1));
    madjep.sim.NodeFailure f = sim.failure();
    assertTrue(f != null, "the run stopped with a node failure");
    assertTrue(type.isInstance(f.error()), () -> "expected " + type.getSimpleName() + ", found " + f.error());
    return type.cast(f.error());
  }

  private static <T extends Throwable> T failing(Class<T> type, Mode mode, Culprit culprit) {
    BlockingNodeFactory f = BlockingNodeFactory.of(id -> ctx -> ctx.spawn("culprit", () -> culprit.run(ctx)));
    Simulation sim = new Simulation(new madjep.sim.Streams(1), 1, mode == Mode.HANDOFF ? f.withHandoff() : f,
        new madjep.sim.Trace(true));
    sim.start();
    T e = failureOf(type, sim);
    assertTrue(sim.trace().text().contains(e.getMessage()), "the trace says it too");
    return e;
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void realSleep_reportedWithNodeTaskAndCallSite(Mode mode) {
    BlockedOutsideSimulationException e = failing(BlockedOutsideSimulationException.class, mode,
        ctx -> Thread.sleep(60_000));
    assertEquals("n1", e.node());
    assertEquals("culprit", e.task());
    assertTrue(e.waitedOn().startsWith("Thread.sleep"), e.waitedOn());
    assertEquals(DetectionTest.class.getName(), e.callSite().getClassName(), e.getMessage());
    assertTrue(e.getMessage().contains("n1") && e.getMessage().contains("DetectionTest.java:"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void contendedJucLock_reported(Mode mode) {
    ReentrantLock lock = new ReentrantLock();
    BlockingNodeFactory f = BlockingNodeFactory.of(id -> ctx -> {
      ctx.spawn("holder", () -> {
        lock.lock();
        ctx.sleep(Durations.ms(5));
        lock.unlock();
      });
      ctx.spawn("waiter", () -> {
        ctx.sleep(Durations.ms(1));
        lock.lock();
      });
    });
    Simulation sim = Runs.start(1, 1, mode == Mode.HANDOFF ? f.withHandoff() : f);
    BlockedOutsideSimulationException e = failureOf(BlockedOutsideSimulationException.class, sim);
    assertEquals("waiter", e.task());
    assertTrue(e.waitedOn().contains("java.util.concurrent"), e.waitedOn());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void monitorHeldByAnotherTask_reported(Mode mode) {
    Object monitor = new Object();
    BlockingNodeFactory f = BlockingNodeFactory.of(id -> ctx -> {
      ctx.spawn("holder", () -> {
        synchronized (monitor) {
          ctx.sleep(Durations.ms(5));
        }
      });
      ctx.spawn("waiter", () -> {
        ctx.sleep(Durations.ms(1));
        synchronized (monitor) {
          ctx.log("entered");
        }
      });
    });
    Simulation sim = Runs.start(1, 1, mode == Mode.HANDOFF ? f.withHandoff() : f);
    BlockedOutsideSimulationException e = failureOf(BlockedOutsideSimulationException.class, sim);
    assertEquals("waiter", e.task());
    assertTrue(e.waitedOn().contains("synchronized"), e.waitedOn());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void socketAccept_reported(Mode mode) throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      BlockedOutsideSimulationException e = failing(BlockedOutsideSimulationException.class, mode,
          ctx -> server.accept().close());
      assertTrue(e.waitedOn().contains("I/O"), e.waitedOn());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void taskThrows_runFailsWithTheCause(Mode mode) {
    TaskFailedException e = failing(TaskFailedException.class, mode, ctx -> {
      throw new IllegalStateException("boom");
    });
    assertEquals("boom", e.getCause().getMessage());
    assertTrue(e.getMessage().contains("culprit") && e.getMessage().contains("n1"), e.getMessage());
  }

  @Test
  void busyWaitOnYield_reportedAsLivelock() {
    boolean[] flag = new boolean[1];
    LivelockException e = failing(LivelockException.class, Mode.DIRECT, ctx -> {
      while (!flag[0]) {
        ctx.yieldNow();
      }
    });
    assertTrue(e.getMessage().contains("spun") && e.getMessage().contains("DetectionTest.java:"), e.getMessage());
  }

  @Test
  void blockingCallOutsideATask_refused() {
    BlockingContext[] ctx = new BlockingContext[1];
    Simulation sim = Runs.start(1, 1, BlockingNodeFactory.of(id -> c -> ctx[0] = c));
    sim.runUntil(1);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ctx[0].sleep(5));
    assertTrue(e.getMessage().contains("task of node n1"), e.getMessage());
  }
}
