package madjep.sim.workload;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.OpType;
import madjep.history.edn.Keyword;

/**
 * A lock: each process acquires ({@code :acquire nil}), then releases ({@code :release nil}) what it holds.
 * Checked as Knossos's mutex model.
 */
public final class MutexWorkload implements Workload {
  static final Keyword ACQUIRE = Keyword.of("acquire");
  static final Keyword RELEASE = Keyword.of("release");

  private final LongOpenHashSet holding = new LongOpenHashSet();

  @Override
  public String name() {
    return "mutex";
  }

  @Override
  public Invocation next(SplittableRandom rng, long process) {
    return new Invocation(holding.contains(process) ? RELEASE : ACQUIRE, null);
  }

  @Override
  public void completed(long process, Invocation op, OpType type) {
    if (op.f() == ACQUIRE && type == OpType.OK) {
      holding.add(process);
    } else if (op.f() == RELEASE && type == OpType.OK) {
      holding.remove(process);
    }
  }

  @Override
  public CheckSpec check() {
    return CheckSpec.of("linear", "model", "mutex", "independent", false);
  }

  @Override
  public Map<String, Object> settings() {
    return java.util.Collections.emptyMap();
  }
}
