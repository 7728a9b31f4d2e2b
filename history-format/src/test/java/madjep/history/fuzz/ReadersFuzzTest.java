package madjep.history.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of every history reader: generic EDN, JSON and jepsen.log reading (detected and
 * forced), and the streaming transaction reader, against {@link ReadersProperty}.
 *
 * <p>In a plain {@code mvn verify} run without {@code JAZZER_FUZZ}, Jazzer runs the inputs under
 * {@code src/test/resources/madjep/history/fuzz/ReadersFuzzTestInputs/readers/} as regression tests: every crash the
 * fuzzer ever found stays there. The build's {@code fuzz} execution (history-format's pom.xml) fuzzes for a short,
 * seeded run with the shared corpus as seeds ({@code -Dmadjep.fuzz.duration} sets its length, which the
 * {@code jazzer.max_duration} property passes on); {@code benchmarks/RESULTS.md} says how to run it longer.
 */
class ReadersFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void readers(byte[] data) {
    ReadersProperty.check(data);
  }
}
