package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pruned tree (one leaf command) answers exactly as the whole tree does. */
class CommandTreeTest {
  @TempDir static Path dir;
  static String good;
  static String bad;
  static String txn;

  @BeforeAll
  static void histories() throws IOException {
    good = Files.writeString(dir.resolve("good.edn"), """
        {:process 0, :type :invoke, :f :write, :value 1}
        {:process 0, :type :ok, :f :write, :value 1}
        {:process 1, :type :invoke, :f :read, :value nil}
        {:process 1, :type :ok, :f :read, :value 1}
        """).toString();
    bad = Files.writeString(dir.resolve("bad.edn"), """
        {:process 0, :type :invoke, :f :write, :value 1}
        {:process 0, :type :ok, :f :write, :value 1}
        {:process 1, :type :invoke, :f :read, :value nil}
        {:process 1, :type :ok, :f :read, :value 2}
        {:oops
        """).toString();
    txn = Files.writeString(dir.resolve("txn.edn"), """
        {:process 0, :type :invoke, :f :txn, :value [[:append :x 1]]}
        {:process 0, :type :ok, :f :txn, :value [[:append :x 1]]}
        """).toString();
  }

  static Stream<List<String>> commandLines() {
    return Stream.of(
        List.of("check", "linear", "--model", "register", good),
        List.of("check", "linear", "--model", "register", "--debug", good),
        List.of("--debug", "check", "linear", "--model", "cas-register", "--initial", "0", good),
        List.of("check", "linear", "--model", "register", bad),
        List.of("check", "linear", "--model", "register", bad, "--debug"),
        List.of("check", "linear", good),
        List.of("check", "linear", "--model", "nope", good),
        List.of("check", "linear", "--model", "register", "--bogus", good),
        List.of("check", "linear", "--model", "register", dir.resolve("missing.edn").toString()),
        List.of("check", "linear", "--model=register", "--timeout", "xyz", good),
        List.of("check", "txn", "--workload", "list-append", txn),
        List.of("check", "counter", txn),
        List.of("history", "stats", good),
        List.of("history", "stats", "--bogus", good),
        List.of("history", "stats"),
        List.of("check"),
        List.of("check", "nope"),
        List.of("nope"),
        List.of());
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void pruned_sameOutputAndExitAsWholeTree(List<String> argList) {
    String[] args = argList.toArray(new String[0]);
    CliRun pruned = run(CommandTree.forArgs(args), args);
    CliRun whole = run(new CommandTree.Parsed(Main.commandLine(), args), args);
    assertEquals(whole, pruned.withoutTimes());
  }

  @Test
  void forArgs_leafCommand_buildsTheLeafAlone() {
    CommandTree.Parsed p = CommandTree.forArgs(new String[] {"--debug", "check", "linear", "--model", "kv", "f"});
    picocli.CommandLine check = p.commandLine().getSubcommands().get("check");
    assertEquals(List.of("check"), List.copyOf(p.commandLine().getSubcommands().keySet()));
    assertEquals(List.of("linear"), List.copyOf(check.getSubcommands().keySet()));
    assertTrue(check.getSubcommands().get("linear").getCommand() instanceof CheckLinearCommand);
  }

  @Test
  void forArgs_helpOrNoLeaf_buildsTheWholeTree() {
    for (String[] args : new String[][] {{"check", "linear", "--help"}, {"check"}, {"help", "check"}, {"@args"}}) {
      CommandTree.Parsed p = CommandTree.forArgs(args);
      assertEquals("madjep", p.commandLine().getCommandName(), String.join(" ", args));
      assertNotSame(args, null);
    }
  }

  private static CliRun run(CommandTree.Parsed parsed, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(parsed, args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString()).withoutTimes();
  }
}
