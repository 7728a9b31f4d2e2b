package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import madjep.harness.Harness;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code madjep demo}: raft-kv under the standard fault mix for 60 simulated seconds, checked and stored. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the bundled raft-kv (a Raft-replicated key-value store) under the standard fault mix for 60 s of",
      "simulated time, check it for linearizability, and say where the results are."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
      description = "Where to write the run (default: ${DEFAULT-VALUE}).")
  Path store;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Harness harness = Harness.defaults();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Scenario s = Bundled.get("raft-kv").scenario().toBuilder().duration(madjep.sim.Durations.s(60)).build()
        .withSeed(seed);
    Harness h = harness.withStore(store);
    h.validate(s);
    int code = SimRunCommand.runAndReport(s, "madjep demo --seed " + seed, h, out, spec.commandLine().getErr());
    out.println();
    out.printf("Open %s/latest/ for history.edn (Jepsen's format), results.edn, trace.log (the faults as they"
        + " happened), report.html (open it in a browser) and scenario.toml.%n", store);
    out.println("Try a seeded bug: madjep sim sweep raft-kv-stale-read --seeds 1..20");
    return code;
  }
}
