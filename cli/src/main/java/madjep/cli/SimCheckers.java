package madjep.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Keyword;
import madjep.sim.workload.CheckSpec;

/**
 * Which checker checks which simulated workload: {@code linear} (register, kv, mutex: checker-linear), {@code txn}
 * (list-append, rw-register: checker-txn's Elle analyses), {@code bank} and {@code set} (checker-txn's Jepsen
 * checkers). A checker that is not available answers unknown with the reason, never valid.
 */
final class SimCheckers {
  private SimCheckers() {}

  static SimChecker standard() {
    return SimCheckers::check;
  }

  static SimVerdict check(History h, CheckSpec spec, Duration timeout) {
    return switch (spec.checker()) {
      case "linear", "txn", "bank", "set" -> notAvailable(spec);
      default -> notAvailable(spec);
    };
  }

  /** The honest answer while a checker module has not landed: unknown, with the reason. */
  private static SimVerdict notAvailable(CheckSpec spec) {
    Map<Keyword, Object> data = new LinkedHashMap<>();
    data.put(Keyword.of("valid?"), Keyword.of("unknown"));
    String cause = "no " + spec.checker() + " checker is available in this build";
    data.put(Keyword.of("cause"), cause);
    return new SimVerdict(ExitCode.UNKNOWN, spec.checker() + ": unknown (" + cause + ")", data);
  }

  /** A short description of a spec's options for the console: {@code cas-register, independent}. */
  static String describe(CheckSpec spec) {
    StringBuilder sb = new StringBuilder(spec.checker());
    if (!spec.options().isEmpty()) {
      sb.append(' ').append(spec.options());
    }
    return sb.toString();
  }
}
