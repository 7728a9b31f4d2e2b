package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Models;
import madjep.linear.LinearizabilityOptions;
import madjep.linear.LinearizabilityResult;
import org.junit.jupiter.api.Test;

/** The README's linearizability example, compiled and run. */
class ReadmeLinearExampleTest {
  @Test
  void linearExample_printsTheExplanation() {
    History h = History.of(Op.invoke(0, "write", 1L), Op.ok(0, "write", 1L),
        Op.invoke(1, "read", null), Op.ok(1, "read", 2L));
    List<String> printed = new ArrayList<>();
    // --- README: Check one for linearizability
    LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("cas-register", 0L),
        LinearizabilityOptions.defaults());
    if (r.verdict() == Verdict.INVALID) {
      printed.add(r.failure().explanation()); // process 1 read 2 at op 3, but every order of ...
    }
    // ---
    assertEquals(List.of("process 1 read 2 at op 3, but every order of the 1 earlier op leaves the register at 1"),
        printed);
  }
}
