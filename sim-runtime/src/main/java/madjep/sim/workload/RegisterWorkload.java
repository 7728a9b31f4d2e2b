package madjep.sim.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Jepsen's linearizable-register test over independent keys: {@code :read [k nil]}, {@code :write [k v]}, {@code :cas
 * [k [old new]]}, values 0-4 so that a cas often matches. {@code kv} is the same with Zipfian keys. Checked as a
 * cas-register per key.
 */
public final class RegisterWorkload implements Workload {
  static final Keyword READ = Keyword.of("read");
  static final Keyword WRITE = Keyword.of("write");
  static final Keyword CAS = Keyword.of("cas");

  private final String name;
  private final Keys keys;

  public RegisterWorkload(String name, Keys keys) {
    this.name = name;
    this.keys = keys;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Invocation next(SplittableRandom rng, long process) {
    Long k = EdnParser.box(keys.next(rng));
    return switch (rng.nextInt(3)) {
      case 0 -> new Invocation(READ, EdnVector.of(k, null));
      case 1 -> new Invocation(WRITE, EdnVector.of(k, EdnParser.box(rng.nextInt(5))));
      default -> new Invocation(CAS,
          EdnVector.of(k, EdnVector.of(EdnParser.box(rng.nextInt(5)), EdnParser.box(rng.nextInt(5)))));
    };
  }

  @Override
  public CheckSpec check() {
    return CheckSpec.of("linear", "model", "cas-register", "independent", true);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("keys", (long) keys.count());
    m.put("key-distribution", keys.distribution());
    return m;
  }
}
