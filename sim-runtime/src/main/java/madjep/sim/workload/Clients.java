package madjep.sim.workload;

import java.util.List;
import java.util.SplittableRandom;
import madjep.history.OpType;
import madjep.history.edn.Keyword;
import madjep.sim.HistoryRecorder;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.Rpc;
import madjep.sim.Simulation;
import madjep.sim.Streams;

/**
 * Jepsen's client side inside the sim: {@code concurrency} client threads, each a client endpoint of the network,
 * invoking the workload's ops at the given rate and recording every invocation and completion. A client sends its
 * op to the node it believes leads; on "not leader" it retries at the hinted node until the op's timeout, and
 * records {@code :fail} if every attempt was refused. An op with no answer by its timeout is recorded {@code :info}
 * and the thread continues as a new process, {@code process + concurrency}. A system with its own client side (a
 * {@link ClientProtocol}) replaces the sending, answering and retrying: each thread then hands its ops to a {@link
 * ClientSession}, and the driver keeps the timing, the history and the timeouts.
 */
public final class Clients {
  static final Keyword TIMEOUT = Keyword.of("timeout");
  static final Keyword UNAVAILABLE = Keyword.of("unavailable");
  private static final Object RETRY = "retry";

  private final Simulation sim;
  private final Workload workload;
  private final HistoryRecorder history;
  private final ClientSettings settings;
  /** The system's own client side, or null for the standard one. */
  private final ClientProtocol protocol;
  /** The workload's choices: drawn once per tick whatever the faults do, so faults never shift them. */
  private final SplittableRandom opRng;
  /** When ticks come. */
  private final SplittableRandom gapRng;
  /** Which free thread takes an op, and where a crashed client reconnects. */
  private final SplittableRandom pickRng;
  private long dropped;
  private final Worker[] workers;
  /** The next tick, made once: a tick per op drawn made a new one 3.6 million times on a simulated hour. */
  private final Runnable tickTask = this::tick;
  /** The threads neither busy nor idle, kept beside {@code Worker.busy}: where {@link #tick} finds its next thread. */
  private final java.util.BitSet freeThreads;
  private long mainEnd;
  private long completed;
  private long infos;
  /** When the recovery window opens (every fault healed) and closes; MAX_VALUE until {@link #watchRecovery}. */
  private long recoveryFrom = Long.MAX_VALUE;
  private long recoveryUntil = Long.MAX_VALUE;
  private int recoveryMinOps;
  /** Final ops waiting for a free thread, and when the final phase ends. */
  private final java.util.ArrayDeque<Invocation> finalQueue = new java.util.ArrayDeque<>();
  private long finalsUntil;

  /** Adds the client endpoints to {@code sim}, which must not be started yet. */
  public Clients(Simulation sim, Workload workload, HistoryRecorder history, ClientSettings settings) {
    this(sim, workload, history, settings, null);
  }

  /**
   * Adds the client endpoints to {@code sim}, which must not be started yet; each thread runs its ops through a
   * session of {@code protocol} (null: the standard client).
   */
  public Clients(Simulation sim, Workload workload, HistoryRecorder history, ClientSettings settings,
      ClientProtocol protocol) {
    this.sim = sim;
    this.protocol = protocol;
    this.workload = workload;
    this.history = history;
    this.settings = settings;
    SplittableRandom root = sim.streams().of(Streams.Component.WORKLOAD);
    this.opRng = root.split();
    this.gapRng = root.split();
    this.pickRng = root.split();
    workers = new Worker[settings.concurrency()];
    freeThreads = new java.util.BitSet(workers.length);
    for (int i = 0; i < workers.length; i++) {
      Worker w = new Worker(i);
      workers[i] = w;
      if (!w.idle) {
        freeThreads.set(i);
      }
      sim.addClient(id -> w);
    }
  }

  /** Invokes ops from {@code start} until {@code end}. */
  public void run(long start, long end) {
    mainEnd = end;
    sim.at(start, tickTask);
  }

  /**
   * Watches the window {@code [from, until)}: each thread counts the ops it invokes in it and those the system answers
   * in it, and threads short of {@code minOps} answers are picked first for new ops, so that every thread is tried.
   */
  public void watchRecovery(long from, long until, int minOps) {
    recoveryFrom = from;
    recoveryUntil = until;
    recoveryMinOps = minOps;
  }

  /** Which threads the system did not serve in the recovery window; call after the window closed. */
  public LivenessReport liveness() {
    List<LivenessReport.Stuck> stuck = new java.util.ArrayList<>();
    int running = 0;
    for (Worker w : workers) {
      // An idle thread (the shrinker's way to remove a client) is asked nothing, so owes nothing.
      running += w.idle ? 0 : 1;
      if (!w.idle && w.recovered < recoveryMinOps) {
        stuck.add(new LivenessReport.Stuck(w.ctx == null ? "c" + w.index : w.ctx.name(), w.process, w.recovered,
            w.recoveryInvoked, w.lastCompleted()));
      }
    }
    return new LivenessReport(recoveryFrom, recoveryUntil - recoveryFrom, recoveryMinOps, running, stuck);
  }

  /** At {@code at}, runs the workload's final ops, each retried (every second) until it succeeds or time runs out. */
  public void runFinals(long at, long until) {
    sim.at(at, () -> {
      // Asked now, not when scheduled: a register workload reads back every key it used.
      finalQueue.addAll(workload.finals());
      finalsUntil = until;
      dispatchFinals();
    });
  }

  /** Hands queued final ops to free threads, in thread order. */
  private void dispatchFinals() {
    for (int i = 0; i < workers.length && !finalQueue.isEmpty(); i++) {
      Worker w = workers[i];
      if (!w.busy && !w.idle) {
        Invocation inv = finalQueue.poll();
        w.invoke(inv, type -> {
          if (type != OpType.OK && sim.now() + 1_000_000_000L < finalsUntil) {
            sim.after(1_000_000_000L, () -> {
              finalQueue.add(inv);
              dispatchFinals();
            });
          }
        });
      }
    }
  }

  /** True when no op is outstanding. */
  public boolean idle() {
    for (Worker w : workers) {
      if (w.busy) {
        return false;
      }
    }
    return true;
  }

  public long completed() {
    return completed;
  }

  public long crashedOps() {
    return infos;
  }

  /** Ops drawn while every thread was busy, and so never invoked (the offered rate exceeded what ran). */
  public long droppedOps() {
    return dropped;
  }

  private void tick() {
    long now = sim.now();
    if (now >= mainEnd) {
      return;
    }
    int n = workers.length;
    int start = pickRng.nextInt(n);
    Worker free = null;
    if (now >= recoveryFrom) {
      // Recovering: a thread the system has not yet served goes first, so that each one is tried.
      for (int k = 0; k < n && free == null; k++) {
        Worker w = workers[(start + k) % n];
        if (!w.busy && !w.idle && w.recovered < recoveryMinOps) {
          free = w;
        }
      }
    }
    if (free == null) {
      // The first thread neither busy nor idle at or after start, cyclically, without visiting every busy one.
      int i = freeThreads.nextSetBit(start);
      if (i < 0) {
        i = freeThreads.nextSetBit(0);
      }
      free = i < 0 ? null : workers[i];
    }
    // The op is drawn whether or not a thread is free to run it, so the workload's sequence never depends on faults.
    Invocation op = workload.next(opRng, free == null ? -1 : free.process);
    if (free != null) {
      free.invoke(op, null);
    } else {
      dropped++;
    }
    long gap = (long) (2e9 / settings.rate());
    sim.after(gap <= 0 ? 0 : gapRng.nextLong(gap + 1), tickTask);
  }

  /** Called when an op completes. */
  interface Done {
    void done(OpType type);
  }

  /** The timer tag of an op's deadline under a {@link ClientSession}: the op it belongs to. */
  private record Deadline(long op) {}

  private final class Worker implements Node {
    final int index;
    final boolean idle;
    ClientSession session;
    /** Counts ops, so that a session's report or a deadline of an op already over is ignored. */
    long opCount;
    long process;
    boolean busy;
    Invocation op;
    Done done;
    long deadline;
    int target;
    NodeContext ctx;
    long invokedAt;
    long recovered;
    long recoveryInvoked;
    /** The server the current op was last sent to: its completion's {@code :node}. */
    int asked = -1;
    /** The last op the system answered: kept raw, put in words only when liveness fails. */
    OpType lastType;
    Keyword lastF;
    Object lastValue;
    long lastAt;
    int lastNode;

    String lastCompleted() {
      return lastType == null ? "none" : lastType.name().toLowerCase(java.util.Locale.ROOT) + " :" + lastF.name()
          + " " + madjep.history.edn.Edn.print(lastValue) + " at " + lastAt + " ns on " + ctx.nameOf(lastNode);
    }

    Worker(int index) {
      this.index = index;
      this.process = index;
      this.idle = !settings.runs(index);
    }

    @Override
    public void start(NodeContext c) {
      ctx = c;
      // A client starts at a server of its own region (any server when the cluster is in one place).
      int[] near = c.nearbyServers();
      target = near.length == c.servers() ? index % c.servers() : near[index % near.length];
      if (protocol != null) {
        session = protocol.open(c);
      }
    }

    @Override
    public void receive(NodeContext c, int from, Object message) {
      if (session != null) {
        session.receive(from, message);
      }
    }

    @Override
    public void timer(NodeContext c, Object tag) {
      if (tag instanceof Deadline d) {
        if (busy && d.op() == opCount) {
          finish(OpType.INFO, op.value(), TIMEOUT);
          session.abandon();
        }
      } else if (session != null) {
        session.timer(tag);
      } else if (tag == RETRY && busy) {
        attempt();
      }
    }

    void invoke(Invocation inv, Done d) {
      busy = true;
      freeThreads.clear(index);
      op = inv;
      done = d;
      deadline = sim.now() + settings.timeout();
      invokedAt = sim.now();
      asked = -1;
      if (invokedAt >= recoveryFrom && invokedAt < recoveryUntil) {
        recoveryInvoked++;
      }
      history.invoke(process, inv.f(), inv.value());
      if (session == null) {
        attempt();
        return;
      }
      long n = ++opCount;
      ctx.setTimer(settings.timeout(), new Deadline(n));
      session.invoke(new ClientOp(inv.f(), inv.value(), process), settings.timeout(), new ClientSession.Outcome() {
        @Override
        public void ok(Object value, Object... extras) {
          report(n, OpType.OK, value, null, extras);
        }

        @Override
        public void fail(Object value, Object error, Object... extras) {
          report(n, OpType.FAIL, value, error, extras);
        }

        @Override
        public void info(Object error, Object... extras) {
          report(n, OpType.INFO, op == null ? null : op.value(), error, extras);
        }
      });
    }

    /** A session's report of op {@code n}: recorded when that op is still the one in flight. */
    void report(long n, OpType type, Object value, Object error, Object[] extras) {
      if (busy && n == opCount) {
        finish(type, value, error, extras);
      }
    }

    void attempt() {
      long remaining = deadline - sim.now();
      if (remaining <= 0) {
        finish(OpType.FAIL, op.value(), UNAVAILABLE);
        return;
      }
      asked = target;
      ctx.request(target, new ClientOp(op.f(), op.value(), process), remaining, new Rpc.Handler() {
        @Override
        public void response(Object body) {
          if (!(body instanceof ClientReply r)) {
            throw new IllegalStateException(ctx.nameOf(asked) + " answered a ClientOp with "
                + (body == null ? "null" : body.getClass().getName()) + "; the client protocol expects a ClientReply"
                + " (Ok, Fail or NotLeader) in the Rpc reply");
          }
          onReply(r);
        }

        @Override
        public void timeout() {
          finish(OpType.INFO, op.value(), TIMEOUT);
        }
      });
    }

    void onReply(ClientReply r) {
      if (r instanceof ClientReply.Ok ok) {
        finish(OpType.OK, ok.value(), null);
      } else if (r instanceof ClientReply.Fail f) {
        finish(OpType.FAIL, f.value(), f.error());
      } else if (r instanceof ClientReply.NotLeader nl) {
        target = nl.leader() >= 0 && nl.leader() != target ? nl.leader() : (target + 1) % ctx.servers();
        if (sim.now() + settings.retry() < deadline) {
          ctx.setTimer(settings.retry(), RETRY);
        } else {
          finish(OpType.FAIL, op.value(), UNAVAILABLE);
        }
      }
    }

    void finish(OpType type, Object value, Object error) {
      finish(type, value, error, null);
    }

    void finish(OpType type, Object value, Object error, Object[] extras) {
      long p = process;
      Invocation inv = op;
      if (extras != null) {
        history.complete(p, type, inv.f(), value, error, extras);
      } else {
        history.complete(p, type, inv.f(), value, error, asked);
      }
      boolean answered = type == OpType.OK || (type == OpType.FAIL && error != UNAVAILABLE);
      if (answered) {
        long now = sim.now();
        if (invokedAt >= recoveryFrom && now < recoveryUntil) {
          recovered++;
        }
        lastType = type;
        lastF = inv.f();
        lastValue = value;
        lastAt = now;
        lastNode = asked;
      }
      busy = false;
      freeThreads.set(index);
      op = null;
      completed++;
      if (type == OpType.INFO) {
        infos++;
        process += workers.length;
        // A new process reconnects somewhere else (in its region), as a Jepsen client reopened after a crash would.
        int[] near = ctx.nearbyServers();
        target = near.length == ctx.servers() ? pickRng.nextInt(ctx.servers()) : near[pickRng.nextInt(near.length)];
      }
      workload.completed(p, inv, type);
      Done d = done;
      done = null;
      if (d != null) {
        d.done(type);
      }
      if (!finalQueue.isEmpty()) {
        dispatchFinals();
      }
    }
  }
}
