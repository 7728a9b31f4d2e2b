package madjep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;

/** Finds the scenario a command names: a bundled one by name, else a TOML or YAML file. */
final class Scenarios {
  private Scenarios() {}

  static Scenario resolve(String nameOrFile, ClassLoader loader) throws IOException {
    Bundled.Entry e = Bundled.get(nameOrFile);
    if (e != null) {
      return e.scenario();
    }
    Path p = Path.of(nameOrFile);
    if (Files.isRegularFile(p)) {
      return ScenarioFiles.read(p, loader);
    }
    StringBuilder names = new StringBuilder();
    for (Bundled.Entry b : Bundled.all()) {
      names.append(names.length() == 0 ? "" : ", ").append(b.scenario().name());
    }
    throw new UsageError("expected a bundled scenario (" + names + ") or a scenario file, found '" + nameOrFile
        + "'");
  }
}
