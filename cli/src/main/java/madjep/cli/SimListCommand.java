package madjep.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import madjep.sim.Durations;
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
    return ExitCode.VALID;
  }
}
