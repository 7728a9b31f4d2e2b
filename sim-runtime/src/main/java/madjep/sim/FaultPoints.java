package madjep.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * FoundationDB's BUGGIFY for nodes ({@link NodeContext#buggify}): a named fault point in the system's own code
 * that answers true now and then, so that rare paths (a slow path, a dropped cache, a shortened timeout) run often.
 * Two levels, as in FoundationDB: the first time a point is reached while fault points are enabled, the seed decides
 * whether it is active in this run (probability {@code activation}); an active point then fires with probability
 * {@code fire} each time it is reached while they are enabled. Disabled (the default), every point answers false
 * and draws nothing. Every point's evaluations and fires are counted.
 */
public final class FaultPoints {
  /** One fault point's record. */
  public record Count(String name, boolean active, long evaluations, long fired) {}

  private static final class Point {
    final String name;
    /** -1 until decided, then 0 or 1. */
    int active = -1;
    long evaluations;
    long fired;

    Point(String name) {
      this.name = name;
    }
  }

  private final Simulation sim;
  private final SplittableRandom rng;
  // Looked up by name on every evaluation; never iterated except through counts(), which sorts.
  private final ByName<Point> points = new ByName<>();
  private boolean enabled;
  private double activation = 0.25;
  private double fire = 0.25;

  FaultPoints(Simulation sim, SplittableRandom rng) {
    this.sim = sim;
    this.rng = rng;
  }

  /** Turns fault points on or off (the nemesis's {@code start-buggify} and {@code stop-buggify}). */
  public void setEnabled(boolean on) {
    enabled = on;
  }

  public boolean enabled() {
    return enabled;
  }

  /** FoundationDB's two probabilities (defaults 0.25 and 0.25). */
  public void setProbabilities(double activationProbability, double fireProbability) {
    if (!(activationProbability >= 0 && activationProbability <= 1 && fireProbability >= 0
        && fireProbability <= 1)) {
      throw new IllegalArgumentException("expected buggify probabilities between 0 and 1, found "
          + activationProbability + " and " + fireProbability);
    }
    activation = activationProbability;
    fire = fireProbability;
  }

  boolean evaluate(String name, int node) {
    Point p = points.get(name);
    if (p == null) {
      p = new Point(name);
      points.put(name, p);
    }
    p.evaluations++;
    if (!enabled) {
      return false;
    }
    if (p.active < 0) {
      p.active = rng.nextDouble() < activation ? 1 : 0;
      if (sim.trace().enabled()) {
        sim.trace().line(sim.now(), sim.name(node), "buggify " + name + (p.active == 1 ? " active" : " inactive"));
      }
    }
    if (p.active == 1 && rng.nextDouble() < fire) {
      p.fired++;
      return true;
    }
    return false;
  }

  /** Every point reached so far, by name. */
  public List<Count> counts() {
    List<Count> out = new ArrayList<>();
    for (Point p : points.values()) {
      out.add(new Count(p.name, p.active == 1, p.evaluations, p.fired));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }
}
