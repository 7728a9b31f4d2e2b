package madjep.linear;

import java.io.IOException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.DataError;
import madjep.history.Verdict;
import madjep.linear.example.CounterModel;
import org.junit.jupiter.api.Test;

/** README-model-example.md shows CounterModel verbatim, and CounterModel works as it says. */
class ReadmeModelExampleTest {
  @Test
  void readme_showsTheCompiledExampleVerbatim() throws IOException {
    String readme = Files.readString(Path.of("README-model-example.md"));
    String source = Files.readString(Path.of("src/test/java/madjep/linear/example/CounterModel.java"));
    assertTrue(readme.contains("```java\n" + source + "```"), "README-model-example.md and CounterModel.java differ");
    long lines = source.lines().count();
    assertTrue(lines <= 50, "the example model should stay short, is " + lines + " lines");
  }

  @Test
  void counterModel_checksHistories() {
    LinearizabilityOptions o = LinearizabilityOptions.defaults();
    assertEquals(Verdict.VALID, LinearizabilityChecker.check(Hist.of("0 :invoke :add 2", "1 :invoke :read nil",
        "0 :ok :add 2", "1 :ok :read 2", "1 :invoke :read nil", "1 :ok :read 2"), new CounterModel(), o).verdict());
    LinearizabilityResult r = LinearizabilityChecker.check(Hist.of("0 :invoke :add 2", "0 :ok :add 2",
        "1 :invoke :read nil",
        "1 :ok :read 3"), new CounterModel(), o);
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals("process 1 read 3 at op 3, but every order of the 1 earlier op leaves the state at 2",
        r.failure().explanation());
    DataError e = assertThrows(DataError.class, () -> LinearizabilityChecker.check(
        Hist.of("0 :invoke :add \"x\"", "0 :ok :add \"x\""), new CounterModel(), o));
    assertEquals("test.edn:2:1: expected :add n or :read n, found :add x", e.getMessage());
  }
}
