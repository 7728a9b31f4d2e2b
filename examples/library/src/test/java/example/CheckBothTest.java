package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import madjep.history.DataError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The consumer project's own tests: both checkers answer through the installed artifacts. */
class CheckBothTest {
  @Test
  void run_noArguments_bothCheckersFindTheirViolation() throws IOException {
    assertEquals(List.of(
        "register: invalid: process 1 read 2 at op 3, but every order of the 1 earlier op leaves the register at 1",
        "list-append: invalid: [G2-item]"), CheckBoth.run());
  }

  @Test
  void run_validFiles_bothCheckersSayValid(@TempDir Path dir) throws IOException {
    Path register = Files.writeString(dir.resolve("register.edn"), """
        {:process 0, :type :invoke, :f :write, :value 1}
        {:process 0, :type :ok, :f :write, :value 1}
        {:process 1, :type :invoke, :f :read, :value nil}
        {:process 1, :type :ok, :f :read, :value 1}
        """);
    Path txns = Files.writeString(dir.resolve("txns.edn"), """
        {:process 0, :type :invoke, :f :txn, :value [[:append :x 1]]}
        {:process 0, :type :ok, :f :txn, :value [[:append :x 1]]}
        {:process 1, :type :invoke, :f :txn, :value [[:r :x nil]]}
        {:process 1, :type :ok, :f :txn, :value [[:r :x [1]]]}
        """);
    assertEquals(List.of(register + ": VALID"), CheckBoth.run("register", register.toString()));
    assertEquals(List.of(txns + ": VALID"), CheckBoth.run("list-append", txns.toString()));
  }

  @Test
  void run_malformedFile_dataErrorWithItsLine(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.edn"), "{:process 0, :type :invoke, :f :read, :value nil}\n{:oops");
    DataError e = assertThrows(DataError.class, () -> CheckBoth.run("register", bad.toString()));
    assertEquals(2, e.line());
  }
}
