package madjep.systems.curp;

import java.util.ArrayList;
import java.util.List;
import madjep.sim.Durations;
import madjep.sim.NodeFactory;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SystemProvider;

/**
 * {@code curp-kv}, registered with {@link java.util.ServiceLoader}: the correct CURP store, the same store with
 * Xline's two Jepsen findings seeded (and the faults that expose them), the native 1-RTT API, and Xline's own
 * simulation scenarios as explicit fault steps.
 */
public final class CurpKvProvider implements SystemProvider {
  static final String NAME = "curp-kv";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a CURP key-value store (Xline's shape): witnesses, 1-RTT fast path, after-sync, recovery from witnesses";
  }

  @Override
  public List<String> bugs() {
    return CurpConfig.BUGS;
  }

  @Override
  public NodeFactory factory(Scenario s) {
    String w = s.workload();
    if (!List.of("register", "kv", "list-append", "append").contains(w)) {
      throw new IllegalArgumentException("workload: curp-kv runs register, kv, list-append and append, found '" + w
          + "'");
    }
    return new CurpKv(CurpConfig.defaults().withBug(s.bug()).withEtcdTxns(w.equals("append")));
  }

  /** The bundled curp-kv scenario. */
  public static Scenario base() {
    return Scenario.builder(NAME).system(NAME).faults(FaultSettings.standard().withInterval(Durations.s(2)))
        .build();
  }

  @Override
  public List<Bundled.Entry> scenarios() {
    List<Bundled.Entry> out = new ArrayList<>();
    out.add(new Bundled.Entry(base(), "CURP KV store, cas-register per key, under every fault", true));
    return out;
  }
}
