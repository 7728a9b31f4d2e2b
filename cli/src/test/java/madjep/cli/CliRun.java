package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the CLI in-process: its exit code and what it printed. */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * The CLI started in a process of its own, on this JVM and class path, everything it prints going to {@code log}:
   * for tests that stop it midway ({@link Process#destroy()} sends SIGTERM, which runs the shutdown hooks as Ctrl-C
   * does).
   */
  static Process inOwnProcess(Path log, String... args) throws IOException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "madjep.cli.Main"));
    command.addAll(java.util.List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The same run with check times ("12.3 ms") blanked, so that two runs compare equal. */
  CliRun withoutTimes() {
    String time = "\\d+(\\.\\d+)? (ns|µs|us|ms|s)\\b";
    return new CliRun(code, out.replaceAll(time, "T"), err.replaceAll(time, "T"));
  }
}
