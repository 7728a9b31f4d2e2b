package com.example.pb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import madjep.sim.RecordFile;
import madjep.sim.Rpc;
import madjep.sim.workload.ClientOp;
import madjep.sim.workload.ClientReply;
import madjep.sim.workload.OpMachine;

/**
 * A primary-backup key-value store. n1 is the primary: it serves every client op from memory, one at a time, and
 * sends each write to n2, the backup, which logs it durably before acknowledging. A primary that restarts has lost
 * its memory: it fetches the backup's log (fencing off its own earlier life with a new epoch) before it serves again.
 * Other nodes send clients to n1.
 *
 * <p>The seeded bug ({@code ackBeforeBackup}): the primary answers a write before the backup has it. A primary that
 * crashes then has acknowledged writes that nobody kept, and a later read shows them gone.
 */
public final class PrimaryBackup implements NodeFactory {
  static final int PRIMARY = 0;
  static final int BACKUP = 1;
  static final long RPC_TIMEOUT = 100_000_000L;

  private final boolean ackBeforeBackup;

  /** The correct store: a write is answered once the backup has logged it. */
  public PrimaryBackup() {
    this(false);
  }

  public PrimaryBackup(boolean ackBeforeBackup) {
    this.ackBeforeBackup = ackBeforeBackup;
  }

  @Override
  public Node create(int id) {
    return id == PRIMARY ? new Primary() : id == BACKUP ? new Backup() : new Redirect();
  }

  /** A node that only sends clients to the primary. */
  static class Redirect implements Node {
    @Override
    public void start(NodeContext ctx) {}

    @Override
    public void receive(NodeContext ctx, int from, Object message) {
      if (message instanceof Rpc.Request r && r.body() instanceof ClientOp) {
        ctx.reply(from, r, new ClientReply.NotLeader(PRIMARY));
      }
    }
  }

  /** The primary: state in memory, one client op at a time, writes replicated to the backup. */
  final class Primary extends Redirect {
    private NodeContext ctx;
    private long epoch;
    private boolean ready;
    private boolean busy;
    private long nextSeq;
    private OpMachine machine;
    private final Map<String, ClientReply> answered = new HashMap<>();
    private final ArrayDeque<Object[]> queue = new ArrayDeque<>();

    @Override
    public void start(NodeContext c) {
      ctx = c;
      // A new epoch per boot, durable before anyone hears of it: the backup ignores older ones.
      RecordFile epochs = new RecordFile(c.disk().open("primary.epoch"));
      List<byte[]> seen = epochs.recover();
      epoch = seen.isEmpty() ? 1 : Long.parseLong(new String(seen.get(seen.size() - 1), StandardCharsets.UTF_8)) + 1;
      byte[] e = Long.toString(epoch).getBytes(StandardCharsets.UTF_8);
      epochs.append(e, e.length);
      epochs.fsync();
      fetch();
    }

    private void fetch() {
      ctx.request(BACKUP, new Messages.FetchState(epoch), RPC_TIMEOUT, new Rpc.Handler() {
        @Override
        public void response(Object body) {
          rebuild(((Messages.State) body).entries());
        }

        @Override
        public void timeout() {
          fetch();
        }
      });
    }

    private void rebuild(List<Messages.Entry> entries) {
      machine = new OpMachine(5, 100, false);
      for (Messages.Entry en : entries) {
        answered.put(en.request(), machine.apply(en.op()));
      }
      nextSeq = entries.size();
      ready = true;
      ctx.announce("leader", epoch);
      next();
    }

    @Override
    public void receive(NodeContext c, int from, Object message) {
      if (message instanceof Rpc.Request r && r.body() instanceof ClientOp op) {
        queue.add(new Object[] {from, r, op});
        next();
      }
    }

    /** Serves queued ops one at a time; a write waits for the backup (unless the bug is on). */
    private void next() {
      while (ready && !busy && !queue.isEmpty()) {
        Object[] q = queue.poll();
        int client = (Integer) q[0];
        Rpc.Request r = (Rpc.Request) q[1];
        ClientOp op = (ClientOp) q[2];
        String key = client + "/" + r.id();
        ClientReply done = answered.get(key);
        if (done != null) {
          ctx.reply(client, r, done); // the network duplicated the request: never apply it twice
          continue;
        }
        ClientReply reply = machine.apply(op);
        answered.put(key, reply);
        if (!(reply instanceof ClientReply.Ok) || op.f() == Keyword.of("read")) {
          ctx.reply(client, r, reply); // nothing changed: nothing to replicate
          continue;
        }
        Messages.Entry entry = new Messages.Entry(nextSeq++, key, op);
        if (ackBeforeBackup) {
          ctx.reply(client, r, reply);
          replicate(entry, () -> {});
        } else {
          busy = true;
          replicate(entry, () -> {
            busy = false;
            ctx.reply(client, r, reply);
            next();
          });
        }
      }
    }

    private void replicate(Messages.Entry entry, Runnable acked) {
      ctx.request(BACKUP, new Messages.Replicate(epoch, entry), RPC_TIMEOUT, new Rpc.Handler() {
        @Override
        public void response(Object body) {
          if (body instanceof Messages.Ack a && a.seq() >= entry.seq()) {
            acked.run();
          } else {
            retry();
          }
        }

        @Override
        public void timeout() {
          retry();
        }

        private void retry() {
          replicate(entry, acked);
        }
      });
    }
  }

  /** The backup: a durable log of entries and of the newest primary epoch it has heard of. */
  static final class Backup extends Redirect {
    private static final Keyword ENTRY = Keyword.of("entry");
    private static final Keyword EPOCH = Keyword.of("epoch");

    private RecordFile log;
    private final List<Messages.Entry> entries = new ArrayList<>();
    private long epoch;

    @Override
    public void start(NodeContext ctx) {
      log = new RecordFile(ctx.disk().open("backup.log"));
      for (byte[] rec : log.recover()) {
        List<?> v = (List<?>) Edn.parse(new String(rec, StandardCharsets.UTF_8));
        if (v.get(0) == EPOCH) {
          epoch = (Long) v.get(1);
        } else {
          entries.add(new Messages.Entry((Long) v.get(1), (String) v.get(2),
              new ClientOp((Keyword) v.get(3), v.get(4), (Long) v.get(5))));
        }
      }
    }

    private void write(Object record) {
      byte[] b = Edn.print(record).getBytes(StandardCharsets.UTF_8);
      log.append(b, b.length);
      log.fsync();
    }

    @Override
    public void receive(NodeContext ctx, int from, Object message) {
      if (!(message instanceof Rpc.Request r)) {
        return;
      }
      if (r.body() instanceof Messages.FetchState f && f.epoch() >= epoch) {
        if (f.epoch() > epoch) {
          epoch = f.epoch();
          write(EdnVector.of(EPOCH, epoch));
        }
        ctx.reply(from, r, new Messages.State(List.copyOf(entries)));
      } else if (r.body() instanceof Messages.Replicate rep && rep.epoch() == epoch) {
        Messages.Entry e = rep.entry();
        if (e.seq() == entries.size()) {
          write(EdnVector.of(ENTRY, e.seq(), e.request(), e.op().f(), e.op().value(), e.op().process()));
          entries.add(e);
        }
        if (e.seq() < entries.size()) {
          ctx.reply(from, r, new Messages.Ack(entries.size() - 1));
        }
      } else {
        super.receive(ctx, from, message);
      }
    }
  }
}
