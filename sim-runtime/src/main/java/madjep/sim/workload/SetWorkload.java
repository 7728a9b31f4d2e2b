package madjep.sim.workload;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/** Jepsen's set test: {@code :add v} of unique values, then one final {@code :read nil} after faults stop. */
public final class SetWorkload implements Workload {
  static final Keyword ADD = Keyword.of("add");
  static final Keyword READ = Keyword.of("read");

  private long next;

  @Override
  public String name() {
    return "set";
  }

  @Override
  public Invocation next(SplittableRandom rng, long process) {
    return new Invocation(ADD, EdnParser.box(next++));
  }

  @Override
  public List<Invocation> finals() {
    return List.of(new Invocation(READ, null));
  }

  @Override
  public CheckSpec check() {
    return CheckSpec.of("set");
  }

  @Override
  public Map<String, Object> settings() {
    return java.util.Collections.emptyMap();
  }
}
