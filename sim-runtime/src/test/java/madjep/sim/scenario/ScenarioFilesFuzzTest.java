package madjep.sim.scenario;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.DataError;

/**
 * Coverage-guided fuzzing (Jazzer) of the scenario file parser, TOML and YAML, with the bundled scenarios and
 * {@code examples/} as seeds (under {@code src/test/resources/madjep/sim/scenario/ScenarioFilesFuzzTestInputs/}).
 * The property: a file either fails with a {@link DataError} that says what was expected and where (FILE:LINE:COLUMN;
 * only a key that is not written in the file, such as a missing {@code system}, is named instead), which the CLI
 * answers with exit 65; or it reads as a scenario that runs: its first {@value #RUN_NANOS} ns of virtual time run to
 * a result with nothing thrown (the CLI's exit 70). Plain {@code mvn verify} replays the stored inputs; the build's
 * {@code fuzz} execution fuzzes (sim-runtime's pom.xml).
 */
class ScenarioFilesFuzzTest {
  private static Path dir;

  @FuzzTest(maxDuration = "15s")
  void scenarioFiles(byte[] data) throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("madjep-scenario-fuzz");
      dir.toFile().deleteOnExit();
    }
    for (String suffix : new String[] {".toml", ".yaml"}) {
      Path f = dir.resolve("s" + suffix);
      Files.write(f, data);
      Scenario scenario;
      try {
        scenario = ScenarioFiles.read(f);
      } catch (DataError e) {
        requireWhereAndWhat(e, data, suffix.equals(".yaml"));
        continue;
      }
      runsToAResult(scenario);
    }
  }

  /** Virtual time of an accepted scenario's bounded run: a full run of a fuzzed one could last 30 simulated days. */
  static final long RUN_NANOS = 300_000_000L;

  /**
   * An accepted scenario, cut to its first {@link #RUN_NANOS}, runs to a result; false when it was not run (the cut
   * made it invalid).
   */
  static boolean runsToAResult(Scenario s) {
    Scenario cut = s.toBuilder().duration(Math.min(s.duration(), RUN_NANOS)).quiet(Math.min(s.quiet(), RUN_NANOS))
        .finals(Math.min(s.finals(), RUN_NANOS)).build();
    if (!ScenarioCheck.problems(cut).isEmpty() || cut.clients().rate() * cut.clients().concurrency() > 100_000) {
      return false; // a step after the cut, or a load too large to fuzz quickly: the run is not this input's test
    }
    try {
      return SimRunner.run(cut) != null;
    } catch (RuntimeException e) {
      throw new AssertionError("an accepted scenario did not run: " + e + "\n" + ScenarioFiles.toToml(s), e);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"leader-store.toml", "leader-store.yaml"})
  void storedSeed_readsAndRuns(String name) throws IOException, java.net.URISyntaxException {
    // The seeds that sim-runtime can load (its tests' system): without them no fuzzed input would ever reach a run.
    Path seed = Path.of(ScenarioFilesFuzzTest.class.getResource("ScenarioFilesFuzzTestInputs/scenarioFiles/" + name)
        .toURI());
    org.junit.jupiter.api.Assertions.assertTrue(runsToAResult(ScenarioFiles.read(seed)));
  }

  /**
   * A data error names a line inside the file, or the key (as the file spells it, such as {@code network.loss}, or
   * {@code (top)} for the file as a whole) before ": expected".
   */
  static void requireWhereAndWhat(DataError e, byte[] data, boolean yaml) {
    String d = e.detail();
    boolean lined = e.line() >= 1 && e.line() <= 2 + countLines(data) && e.column() >= 1;
    // Only a key the file does not write may go without a position.
    boolean unwritten = e.line() <= 0 && d.indexOf(": expected") > 0 && KeyPositions.placed(e,
        new String(data, java.nio.charset.StandardCharsets.UTF_8), yaml) == e;
    if (!(lined || unwritten) || !d.contains("expected")) {
      throw new AssertionError("a scenario error without its key or position: " + e.getMessage()
          + "\ninput: " + new String(data, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  private static int countLines(byte[] d) {
    int n = 0;
    for (byte b : d) {
      if (b == '\n' || b == '\r') {
        n++;
      }
    }
    return n;
  }
}
