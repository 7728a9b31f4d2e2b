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

  /** Null unless the cluster spans regions. */
  private final Regions regions;
  private final int regionCount;
  private final boolean[] regionCut;
  private boolean anyRegionCut;
  private final double[] regionLoss;
  private final Latency[] regionExtra;
  private boolean anyRegionDegraded;

  private long sent;
  private long dropped;
  private long partitionDrops;
  private long regionDrops;
  private long crashDrops;
  private long duplicated;
  private long reordered;
  private long heldCount;

  private record Held(int from, int to, Object message) {}

  @SuppressWarnings("unchecked")
  Network(Simulation sim, int servers, int endpoints, SplittableRandom rng, Regions regions) {
    this.sim = sim;
    this.regions = regions;
    if (regions != null && regions.placement().length < endpoints) {
      throw new IllegalArgumentException("regions place " + regions.placement().length + " endpoints, the cluster has "
          + endpoints);
    }
    regionCount = regions == null ? 0 : regions.count();
    regionCut = new boolean[regionCount];
    regionLoss = new double[regionCount * regionCount];
    regionExtra = new Latency[regionCount * regionCount];
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

  // ---- regions ----

  /** The regions, or null when the cluster is in one place. */
  public Regions regions() {
    return regions;
  }

  /** Cuts region {@code r} off: nothing crosses between it and any other region (clients included) until {@link
   * #healRegions}. */
  public void cutRegion(int r) {
    regionCut[r] = true;
    anyRegionCut = true;
  }

  /** Degrades the links between regions {@code a} and {@code b}, both ways: extra loss, and extra latency (or null). */
  public void degradeRegions(int a, int b, double loss, Latency extra) {
    for (int[] l : new int[][] {{a, b}, {b, a}}) {
      regionLoss[l[0] * regionCount + l[1]] = loss;
      regionExtra[l[0] * regionCount + l[1]] = extra;
    }
    anyRegionDegraded = true;
  }

  /** Ends every region cut. */
  public void healRegions() {
    java.util.Arrays.fill(regionCut, false);
    anyRegionCut = false;
  }

  /** Ends every degraded region link. */
  public void restoreRegions() {
    java.util.Arrays.fill(regionLoss, 0);
    java.util.Arrays.fill(regionExtra, null);
    anyRegionDegraded = false;
  }

  private boolean regionBlocked(int from, int to) {
    int ra = regions.of(from);
    int rb = regions.of(to);
    return ra != rb && (regionCut[ra] || regionCut[rb]);
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

  /** Messages dropped by a region cut or a degraded link between regions (sent, or in flight when the cut formed). */
  public long droppedByRegions() {
    return regionDrops;
  }

  /** Messages whose sender crashed before they left. */
  public long droppedAtCrash() {
    return crashDrops;
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
    send(from, to, message, sim.now());
  }

  /** Sends a message that leaves its sender at {@code now} (the sender's time, not before the sim's). */
  void send(int from, int to, Object message, long now) {
    sent++;
    if (regions != null) {
      int ra = regions.of(from);
      int rb = regions.of(to);
      if (ra != rb) {
        sendAcross(from, to, message, now, ra * regionCount + rb);
        return;
      }
    }
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
      hold(l, from, to, message);
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

  /**
   * A message between regions: region cuts and degradation apply to it, clients' messages too; partitions, clogs and
   * packet faults still apply between servers; the latency is the regions' (plus any degradation).
   */
  private void sendAcross(int from, int to, Object message, long now, int pair) {
    if (anyRegionCut && regionBlocked(from, to)) {
      dropped++;
      regionDrops++;
      return;
    }
    boolean betweenServers = from < servers && to < servers;
    int l = betweenServers ? from * servers + to : -1;
    if (betweenServers && blocked[l]) {
      dropped++;
      partitionDrops++;
      return;
    }
    if (betweenServers && clogged[l]) {
      hold(l, from, to, message);
      return;
    }
    double degraded = anyRegionDegraded ? regionLoss[pair] : 0;
    double p = degraded;
    if (betweenServers) {
      p += loss + (anyLinkLoss ? linkLoss[l] : 0);
    }
    if (p > 0) {
      double u = lossRng.nextDouble();
      if (u < p) {
        dropped++;
        if (u < degraded) {
          regionDrops++;
        }
        return;
      }
    }
    Latency lat = betweenServers && linkLatency[l] != null ? linkLatency[l] : regions.latency()[pair];
    long delay = lat.sample(latencyRng);
    if (anyRegionDegraded && regionExtra[pair] != null) {
      delay += regionExtra[pair].sample(latencyRng);
    }
    deliverAfter(from, to, message, delay, true, now);
  }

  /** A clogged link keeps the message until it is unclogged. */
  private void hold(int l, int from, int to, Object message) {
    ArrayDeque<Held> q = held[l];
    if (q == null) {
      q = held[l] = new ArrayDeque<>();
    }
    q.add(new Held(from, to, message));
    heldCount++;
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

  /** A message whose sender crashed before it left. */
  void lostAtCrash() {
    dropped++;
    crashDrops++;
  }

  /** Called at delivery time: a partition that formed while the message was in flight drops it. */
  boolean droppedInFlight(int from, int to) {
    if (blockedCount > 0 && from < servers && to < servers && blocked[from * servers + to]) {
      dropped++;
      partitionDrops++;
      return true;
    }
    if (anyRegionCut && regionBlocked(from, to)) {
      dropped++;
      regionDrops++;
      return true;
    }
    return false;
  }
}
