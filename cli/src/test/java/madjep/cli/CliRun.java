package madjep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the CLI in-process: its exit code and what it printed. */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The same run with check times ("12.3 ms") blanked, so that two runs compare equal. */
  CliRun withoutTimes() {
    String time = "\\d+(\\.\\d+)? (ns|µs|us|ms|s)\\b";
    return new CliRun(code, out.replaceAll(time, "T"), err.replaceAll(time, "T"));
  }
}
