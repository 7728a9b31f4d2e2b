package madjep.sim.scenario;

import java.util.List;
import madjep.sim.workload.BankWorkload;
import madjep.sim.workload.EtcdAppendWorkload;
import madjep.sim.workload.Keys;
import madjep.sim.workload.MutexWorkload;
import madjep.sim.workload.RegisterWorkload;
import madjep.sim.workload.SetWorkload;
import madjep.sim.workload.TxnWorkload;
import madjep.sim.workload.Workload;

/** The workloads scenarios can name. */
public final class Workloads {
  private Workloads() {}

  public static List<String> names() {
    return List.of("register", "kv", "list-append", "rw-register", "bank", "mutex", "set", "append");
  }

  public static Workload of(Scenario s) {
    return switch (s.workload()) {
      case "register" -> new RegisterWorkload("register", Keys.of(s.keyDistribution(), s.keys()), s.opsPerKey());
      case "kv" -> new RegisterWorkload("kv", Keys.of(s.keyDistribution(), s.keys()), s.opsPerKey());
      case "list-append" -> new TxnWorkload(true, Keys.of(s.keyDistribution(), s.keys()), s.opsPerTxn(), s.opsPerKey());
      case "rw-register" -> new TxnWorkload(false, Keys.of(s.keyDistribution(), s.keys()), s.opsPerTxn(), s.opsPerKey());
      case "bank" -> new BankWorkload(s.accounts(), s.total(), 5);
      case "mutex" -> new MutexWorkload();
      case "set" -> new SetWorkload();
      case "append" -> new EtcdAppendWorkload(Keys.of(s.keyDistribution(), s.keys()), s.opsPerTxn(), s.opsPerKey());
      default -> throw new IllegalArgumentException("expected a workload: " + String.join(", ", names())
          + "; found '" + s.workload() + "'");
    };
  }
}
