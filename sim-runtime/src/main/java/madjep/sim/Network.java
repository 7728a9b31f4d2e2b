package madjep.sim;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The simulated network between endpoints: servers {@code 0..servers-1}, then clients. Faults (partitions, loss,
 * duplication, reordering, clogging, per-link latency) act on links between servers, as Jepsen's do; clients reach
 * every server with the client latency, as Jepsen's control node does.
 *
 * <p>Links are FIFO by default (a message never overtakes an earlier one on the same link, as over TCP); reordering
 * lets a chosen fraction of messages skip that rule and wait up to a bound longer. Each fault draws from its own
 * stream, so turning one on shifts no other choice.
 */
public final class Network {
  private final Simulation sim;
  private final int servers;
  private final int endpoints;
  private final SplittableRandom latencyRng;
  private final SplittableRandom lossRng;
  private final SplittableRandom duplicateRng;
  private final SplittableRandom reorderRng;

  private Latency latency = new Latency.Uniform(Durations.US * 200, Durations.MS * 2);
  private Latency clientLatency = new Latency.Uniform(Durations.US * 100, Durations.US * 500);
  private final Latency[] linkLatency;
  private final boolean[] blocked;
  private int blockedCount;
  private double loss;
  private final double[] linkLoss;
  private boolean anyLinkLoss;
  private double duplicate;
  private final double[] linkDuplicate;
  private double reorder;
  private final double[] linkReorder;
  private boolean anyLinkPacket;
  private long reorderBound;
  private final boolean[] clogged;
  private final ArrayDeque<Held>[] held;
  private final long[] lastArrival;

  private double baseLoss;
  private double baseDuplicate;
  private double baseReorder;
  private long baseReorderBound;
  private double[] baseLinkLoss;
  private Latency[] baseLinkLatency;
  private double[] baseLinkDuplicate;
  private double[] baseLinkReorder;

  private long sent;
  private long dropped;
  private long partitionDrops;
  private long duplicated;
  private long reordered;
  private long heldCount;

  private record Held(int from, int to, Object message) {}

  @SuppressWarnings("unchecked")
  Network(Simulation sim, int servers, int endpoints, SplittableRandom rng) {
    this.sim = sim;
    this.servers = servers;
    this.endpoints = endpoints;
    latencyRng = rng.split();
    lossRng = rng.split();
    duplicateRng = rng.split();
    reorderRng = rng.split();
    int links = endpoints * endpoints;
    linkLatency = new Latency[servers * servers];
    blocked = new boolean[servers * servers];
    linkLoss = new double[servers * servers];
    linkDuplicate = new double[servers * servers];
    linkReorder = new double[servers * servers];
    clogged = new boolean[servers * servers];
    held = new ArrayDeque[servers * servers];
    lastArrival = new long[links];
    markBaseline();
  }

  public int servers() {
    return servers;
  }

  // ---- configuration and faults ----

  /** The latency of every server link without its own. */
  public void setLatency(Latency l) {
    latency = l;
  }

  public Latency latency() {
    return latency;
  }

  /** The latency between clients and servers. */
  public void setClientLatency(Latency l) {
    clientLatency = l;
  }

  /** The latency of the link {@code from -> to} only (null: back to the default). */
  public void setLinkLatency(int from, int to, Latency l) {
    linkLatency[from * servers + to] = l;
  }

  /** Cuts the link {@code from -> to}: messages on it are dropped, in flight or not, until {@link #heal()}. */
  public void block(int from, int to) {
    int l = from * servers + to;
    if (!blocked[l] && from != to) {
      blocked[l] = true;
      blockedCount++;
    }
  }

  /** True when {@code from -> to} is cut. */
  public boolean blocked(int from, int to) {
    return from < servers && to < servers && blocked[from * servers + to];
  }

  /** Removes every partition. */
  public void heal() {
    Arrays.fill(blocked, false);
    blockedCount = 0;
  }

  /** The number of cut directed links. */
  public int blockedLinks() {
    return blockedCount;
  }

  /** Drops each server message with probability {@code p}. */
  public void setLoss(double p) {
    loss = p;
  }

  /** Drops messages on {@code from -> to} with probability {@code p} (on top of the global loss). */
  public void setLinkLoss(int from, int to, double p) {
    linkLoss[from * servers + to] = p;
    anyLinkLoss = false;
    for (double x : linkLoss) {
      anyLinkLoss |= x > 0;
    }
  }

  /**
   * Duplication and reordering on {@code from -> to} only, on top of the global rates (reordered messages wait up to
   * the global reorder bound).
   */
  public void setLinkPacket(int from, int to, double duplicateRate, double reorderRate) {
    linkDuplicate[from * servers + to] = duplicateRate;
    linkReorder[from * servers + to] = reorderRate;
    anyLinkPacket = false;
    for (int l = 0; l < linkDuplicate.length; l++) {
      anyLinkPacket |= linkDuplicate[l] > 0 || linkReorder[l] > 0;
    }
  }

  /** Sets how much later than its latency a reordered message may arrive. */
  public void setReorderBound(long bound) {
    reorderBound = bound;
  }

  /** Delivers each server message twice with probability {@code p}. */
  public void setDuplicate(double p) {
    duplicate = p;
  }

  /** Lets a fraction {@code p} of server messages overtake others, arriving up to {@code bound} later. */
  public void setReorder(double p, long bound) {
    reorder = p;
    reorderBound = bound;
  }

  /** Holds every message on {@code from -> to} until {@link #unclog}. */
  public void clog(int from, int to) {
    clogged[from * servers + to] = from != to;
  }

  /** Releases the messages held on {@code from -> to}, each with a fresh latency. */
  public void unclog(int from, int to) {
    int l = from * servers + to;
    clogged[l] = false;
    ArrayDeque<Held> q = held[l];
    if (q != null) {
      while (!q.isEmpty()) {
        Held h = q.poll();
        send(h.from, h.to, h.message);
      }
    }
  }

  public boolean clogged(int from, int to) {
    return clogged[from * servers + to];
  }

  /** Remembers the current loss, duplication, reordering and per-link settings as the scenario's own. */
  public void markBaseline() {
    baseLoss = loss;
    baseDuplicate = duplicate;
    baseReorder = reorder;
    baseReorderBound = reorderBound;
    baseLinkLoss = linkLoss.clone();
    baseLinkLatency = linkLatency.clone();
    baseLinkDuplicate = linkDuplicate.clone();
    baseLinkReorder = linkReorder.clone();
  }

  /** Back to the baseline loss, duplication, reordering and per-link settings (partitions and clogs stay). */
  public void resetPacketFaults() {
    loss = baseLoss;
    duplicate = baseDuplicate;
    reorder = baseReorder;
    reorderBound = baseReorderBound;
    System.arraycopy(baseLinkLoss, 0, linkLoss, 0, linkLoss.length);
    System.arraycopy(baseLinkLatency, 0, linkLatency, 0, linkLatency.length);
    System.arraycopy(baseLinkDuplicate, 0, linkDuplicate, 0, linkDuplicate.length);
    System.arraycopy(baseLinkReorder, 0, linkReorder, 0, linkReorder.length);
    anyLinkPacket = false;
    for (int l = 0; l < linkDuplicate.length; l++) {
      anyLinkPacket |= linkDuplicate[l] > 0 || linkReorder[l] > 0;
    }
    anyLinkLoss = false;
    for (double x : linkLoss) {
      anyLinkLoss |= x > 0;
    }
  }

  // ---- statistics ----

  public long sent() {
    return sent;
  }

  public long dropped() {
    return dropped;
  }

  /** Messages between servers dropped because a partition stood between them (sent, or in flight when it formed). */
  public long droppedByPartitions() {
    return partitionDrops;
  }

  public long duplicated() {
    return duplicated;
  }

  public long reordered() {
    return reordered;
  }

  public long held() {
    return heldCount;
  }

  // ---- sending ----

  void send(int from, int to, Object message) {
    sent++;
    long now = sim.now();
    if (from >= servers || to >= servers) {
      deliverAfter(from, to, message, clientLatency.sample(latencyRng), true, now);
      return;
    }
    if (from == to) {
      sim.scheduleDelivery(now, from, to, message);
      return;
    }
    int l = from * servers + to;
    if (blocked[l]) {
      dropped++;
      partitionDrops++;
      return;
    }
    if (clogged[l]) {
      ArrayDeque<Held> q = held[l];
      if (q == null) {
        q = held[l] = new ArrayDeque<>();
      }
      q.add(new Held(from, to, message));
      heldCount++;
      return;
    }
    if (loss > 0 || anyLinkLoss) {
      double p = loss + (anyLinkLoss ? linkLoss[l] : 0);
      if (lossRng.nextDouble() < p) {
        dropped++;
        return;
      }
    }
    Latency lat = linkLatency[l] != null ? linkLatency[l] : latency;
    boolean fifo = true;
    long extra = 0;
    double pReorder = anyLinkPacket ? reorder + linkReorder[l] : reorder;
    if (pReorder > 0 && reorderRng.nextDouble() < pReorder) {
      fifo = false;
      extra = reorderBound > 0 ? reorderRng.nextLong(reorderBound + 1) : 0;
      reordered++;
    }
    deliverAfter(from, to, message, lat.sample(latencyRng) + extra, fifo, now);
    double pDuplicate = anyLinkPacket ? duplicate + linkDuplicate[l] : duplicate;
    if (pDuplicate > 0 && duplicateRng.nextDouble() < pDuplicate) {
      duplicated++;
      deliverAfter(from, to, message, lat.sample(duplicateRng), false, now);
    }
  }

  private void deliverAfter(int from, int to, Object message, long delay, boolean fifo, long now) {
    long at = now + delay;
    if (fifo) {
      int l = from * endpoints + to;
      if (at < lastArrival[l]) {
        at = lastArrival[l];
      }
      lastArrival[l] = at;
    }
    sim.scheduleDelivery(at, from, to, message);
  }

  /** Called at delivery time: a partition that formed while the message was in flight drops it. */
  boolean droppedInFlight(int from, int to) {
    if (blockedCount > 0 && from < servers && to < servers && blocked[from * servers + to]) {
      dropped++;
      partitionDrops++;
      return true;
    }
    return false;
  }
}
