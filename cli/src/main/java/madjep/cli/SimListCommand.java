package madjep.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultCatalog;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code madjep sim list}: the bundled scenarios. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the bundled scenarios.")
final class SimListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Bundled.Entry e : Bundled.all()) {
      Scenario s = e.scenario();
      out.printf("%-22s %s%n", s.name(), e.description());
      out.printf("%-22s %d nodes, workload %s, faults %s, %s simulated, expected %s%n", "", s.nodes(), s.workload(),
          s.faultMode(), Durations.format(s.duration()), e.expectValid() ? "valid" : "invalid (a seeded bug)");
    }
    out.println();
    out.println("Run one with: madjep sim run NAME [--seed N]; sweep seeds with: madjep sim sweep NAME --seeds 1..50");
    printFaults(out);
    return ExitCode.VALID;
  }

  /** The fault families with their :f names and the scenario keys (and defaults) that tune them. */
  static void printFaults(PrintWriter out) {
    out.println();
    out.println("Fault families ([faults] kinds = [...], or [\"all\"]; the default is Jepsen's first seven):");
    FaultCatalog.Param t = FaultCatalog.targets();
    out.printf("  %s = %s: %s%n", t.key(), t.dflt(), t.meaning());
    for (FaultCatalog.Family f : FaultCatalog.families()) {
      out.printf("  %-12s %s%n", f.kind().label(), f.kind().description());
      for (FaultCatalog.Param p : f.params()) {
        out.printf("  %-12s   %s = %s: %s%n", "", p.key(), p.dflt(), p.meaning());
      }
    }
    out.println("The model (defaults keep disks instant and CPU free):");
    for (FaultCatalog.Param p : FaultCatalog.environment()) {
      out.printf("  %s = %s: %s%n", p.key(), p.dflt(), p.meaning());
    }
  }
}
