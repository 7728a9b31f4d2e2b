package madjep.sim.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import madjep.sim.Durations;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.Rpc;
import madjep.sim.Simulation;
import org.junit.jupiter.api.Test;

/** What a task can do through its context, each with its effect on virtual time and on the other tasks. */
class BlockingContextTest {
  /** A node that runs {@code script} as its start task and answers {@code serve} requests with "echo " + request. */
  static final class Scripted implements BlockingNode {
    interface Script {
      void run(BlockingContext ctx, Scripted self) throws Exception;
    }

    final Script script;
    final List<String> log = new ArrayList<>();

    Scripted(Script script) {
      this.script = script;
    }

    @Override
    public void start(BlockingContext ctx) throws Exception {
      script.run(ctx, this);
    }

    @Override
    public Object serve(BlockingContext ctx, int from, Object request) {
      if (request.equals("slow")) {
        ctx.sleep(Durations.ms(50));
      }
      return "echo " + request;
    }
  }

  private static Scripted runOne(long until, Scripted.Script script) {
    Simulation sim = Runs.start(1, 1, BlockingNodeFactory.of(id -> new Scripted(script)));
    sim.runUntil(until);
    return Runs.node(sim, 0);
  }

  @Test
  void sleep_parksForExactlyThatVirtualTime() {
    Scripted s = runOne(Durations.s(1), (ctx, self) -> {
      long t0 = ctx.monotonic();
      ctx.sleep(Durations.ms(7));
      self.log.add("slept " + (ctx.monotonic() - t0));
    });
    assertEquals(List.of("slept " + Durations.ms(7)), s.log);
  }

  @Test
  void call_peerServes_returnsReplyAfterNetworkLatency() {
    Simulation sim = Runs.start(3, 2, BlockingNodeFactory.of(id -> new Scripted((ctx, self) -> {
      if (ctx.id() == 0) {
        long t0 = ctx.monotonic();
        Object r = ctx.call(1, "hi", Durations.s(1));
        self.log.add(r + " after " + (ctx.monotonic() - t0 > 0 ? "some time" : "no time"));
      }
    })));
    sim.runUntil(Durations.s(1));
    assertEquals(List.of("echo hi after some time"), Runs.<Scripted>node(sim, 0).log);
  }

  @Test
  void call_peerCrashed_timesOutAfterTheTimeout() {
    Simulation sim = Runs.start(3, 2, BlockingNodeFactory.of(id -> new Scripted((ctx, self) -> {
      if (ctx.id() == 0) {
        ctx.sleep(Durations.ms(10));
        long t0 = ctx.monotonic();
        try {
          ctx.call(1, "hi", Durations.ms(300));
          self.log.add("reply");
        } catch (SimTimeoutException e) {
          self.log.add("timeout after " + (ctx.monotonic() - t0));
        }
      }
    })));
    sim.crash(1);
    sim.runUntil(Durations.s(1));
    assertEquals(List.of("timeout after " + Durations.ms(300)), Runs.<Scripted>node(sim, 0).log);
  }

  @Test
  void callAsync_twoSlowCalls_overlapInTime() {
    Simulation sim = Runs.start(3, 2, BlockingNodeFactory.of(id -> new Scripted((ctx, self) -> {
      if (ctx.id() == 0) {
        long t0 = ctx.monotonic();
        SimFuture<Object> a = ctx.callAsync(1, "slow", Durations.s(1));
        SimFuture<Object> b = ctx.callAsync(1, "slow", Durations.s(1));
        self.log.add(a.get() + " " + b.get());
        self.log.add(String.valueOf(ctx.monotonic() - t0 < Durations.ms(100)));
      }
    })));
    sim.runUntil(Durations.s(1));
    assertEquals(List.of("echo slow echo slow", "true"), Runs.<Scripted>node(sim, 0).log);
  }

  @Test
  void spawnAndJoin_joinWaitsForTheTaskToEnd() {
    Scripted s = runOne(Durations.s(1), (ctx, self) -> {
      SimTask t = ctx.spawn("child", () -> {
        ctx.sleep(Durations.ms(5));
        self.log.add("child done");
      });
      t.join();
      self.log.add("joined " + t.isDone());
    });
    assertEquals(List.of("child done", "joined true"), s.log);
  }

  @Test
  void lock_heldAcrossSleep_excludesTheOtherTasks() {
    Scripted s = runOne(Durations.s(1), (ctx, self) -> {
      SimLock lock = ctx.newLock();
      for (int i = 0; i < 3; i++) {
        String name = "t" + i;
        ctx.spawn(name, () -> {
          lock.lock();
          try {
            self.log.add(name + " in");
            ctx.sleep(Durations.ms(1));
            self.log.add(name + " out");
          } finally {
            lock.unlock();
          }
        });
      }
    });
    assertEquals(6, s.log.size());
    for (int i = 0; i < 6; i += 2) {
      String in = s.log.get(i);
      assertTrue(in.endsWith(" in"), s.log.toString());
      assertEquals(in.replace(" in", " out"), s.log.get(i + 1), "no other task entered meanwhile: " + s.log);
    }
  }

  @Test
  void condition_awaitReleasesTheLockUntilSignalled() {
    Scripted s = runOne(Durations.s(1), (ctx, self) -> {
      SimLock lock = ctx.newLock();
      SimCondition ready = lock.newCondition();
      boolean[] flag = new boolean[1];
      ctx.spawn("waiter", () -> {
        lock.lock();
        try {
          while (!flag[0]) {
            ready.await();
          }
          self.log.add("woke at " + ctx.monotonic());
        } finally {
          lock.unlock();
        }
      });
      ctx.sleep(Durations.ms(3));
      lock.lock();
      flag[0] = true;
      ready.signal();
      lock.unlock();
    });
    assertEquals(List.of("woke at " + Durations.ms(3)), s.log);
  }

  @Test
  void condition_awaitWithTimeout_returnsFalseWhenNobodySignals() {
    Scripted s = runOne(Durations.s(1), (ctx, self) -> {
      SimLock lock = ctx.newLock();
      SimCondition c = lock.newCondition();
      lock.lock();
      boolean signalled = c.await(Durations.ms(4));
      self.log.add(signalled + " " + lock.isHeldByCurrentTask() + " " + ctx.monotonic());
      lock.unlock();
    });
    assertEquals(List.of("false true " + Durations.ms(4)), s.log);
  }

  @Test
  void boundedQueue_producerParksWhenFull_consumerGetsEveryItemInOrder() {
    Scripted s = runOne(Durations.s(1), (ctx, self) -> {
      SimQueue<Integer> q = ctx.newQueue(2);
      ctx.spawn("producer", () -> {
        for (int i = 0; i < 5; i++) {
          q.put(i);
          self.log.add("put " + i + " size " + q.size());
        }
      });
      ctx.spawn("consumer", () -> {
        for (int i = 0; i < 5; i++) {
          ctx.sleep(Durations.ms(1));
          self.log.add("took " + q.take());
        }
        self.log.add("poll " + q.poll(Durations.ms(2)) + " at " + ctx.monotonic());
      });
    });
    List<Integer> taken = new ArrayList<>();
    for (String l : s.log) {
      if (l.startsWith("took ")) {
        taken.add(Integer.parseInt(l.substring(5)));
      }
      if (l.startsWith("put ")) {
        assertTrue(Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1)) <= 2, l);
      }
    }
    assertEquals(List.of(0, 1, 2, 3, 4), taken);
    assertEquals("poll null at " + Durations.ms(7), s.log.get(s.log.size() - 1));
  }

  @Test
  void future_completedByAnotherTask_wakesEveryWaiter() {
    Scripted s = runOne(Durations.s(1), (ctx, self) -> {
      SimFuture<String> f = ctx.newFuture();
      for (int i = 0; i < 3; i++) {
        String name = "w" + i;
        ctx.spawn(name, () -> self.log.add(name + " got " + f.get()));
      }
      ctx.sleep(Durations.ms(1));
      f.complete("v");
      SimFuture<String> never = ctx.newFuture();
      try {
        never.get(Durations.ms(1));
      } catch (SimTimeoutException e) {
        self.log.add("timed out");
      }
    });
    assertEquals(List.of("timed out", "w0 got v", "w1 got v", "w2 got v"),
        s.log.stream().sorted().toList());
  }

  /** An event-style node that echoes requests. */
  static final class EventEcho implements Node {
    @Override
    public void start(NodeContext ctx) {}

    @Override
    public void receive(NodeContext ctx, int from, Object message) {
      if (message instanceof Rpc.Request r) {
        ctx.reply(from, r, "event-echo " + r.body());
      }
    }
  }

  /** An event-style node that calls server 0 once and keeps the reply. */
  static final class EventCaller implements Node {
    Object reply;

    @Override
    public void start(NodeContext ctx) {
      ctx.request(0, "from-event", Durations.s(1), new Rpc.Handler() {
        @Override
        public void response(Object body) {
          reply = body;
        }

        @Override
        public void timeout() {
          reply = "timeout";
        }
      });
    }

    @Override
    public void receive(NodeContext ctx, int from, Object message) {}
  }

  @Test
  void mixedCluster_blockingAndEventNodes_callEachOther() {
    BlockingNodeFactory blocking = BlockingNodeFactory.of(id -> new Scripted((ctx, self) ->
        self.log.add(String.valueOf(ctx.call(1, "x", Durations.s(1))))));
    EventCaller[] caller = new EventCaller[1];
    Simulation sim = Runs.start(5, 3, id -> id == 0 ? blocking.create(id)
        : id == 1 ? new EventEcho() : (caller[0] = new EventCaller()));
    sim.runUntil(Durations.s(1));
    assertEquals(List.of("event-echo x"), Runs.<Scripted>node(sim, 0).log);
    assertEquals("echo from-event", caller[0].reply);
  }
}
