package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.AtomicFiles;
import madjep.history.io.JsonValues;
import madjep.linear.Failure;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Model;
import madjep.linear.Models;
import madjep.linear.LinearizabilityOptions;
import madjep.linear.LinearizabilityResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code madjep check linear}: linearizability of each history against a model. */
@Command(
    name = "linear",
    mixinStandardHelpOptions = true,
    description = {
      "Check histories for linearizability against a model (P-compositional Wing-Gong/Lowe search). Prints one "
          + "line per file (verdict, ops, partitions, time), then why each invalid file is invalid.",
      "",
      "Semantics: :fail ops did not happen; :info and never-completed ops may take effect any time after their "
          + "invocation, or never; a read of nil is an unknown read; file order is real-time order (--time: :time "
          + "order, closed intervals).",
      "",
      "Exit 0 all valid, 1 any invalid, 2 any unknown (time or memory limit), 64 usage, 65 bad data."
    })
final class CheckLinearCommand implements java.util.concurrent.Callable<Integer> {
  /** Steps of the longest prefix shown under an invalid file. */
  static final int SHOWN_STEPS = 8;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "register, cas-register, multi-register, mutex, kv, set, fifo-queue, unordered-queue or etcd.")
  String model;

  @Option(names = "--initial", paramLabel = "EDN",
      description = "The model's initial value as EDN, e.g. 0, nil, '{:x 0 :y 0}'. Default: nil, \"\", free, empty.")
  String initial;

  @Option(names = "--independent",
      description = "Values are Jepsen independent [key value] tuples: check each key apart.")
  boolean independent;

  @Option(names = "--time",
      description = "Order ops by :time with closed intervals (Porcupine's reading: an op that returns at t overlaps "
          + "one invoked at t) instead of by their order in the file (Knossos's reading). Every op needs a :time.")
  boolean byTime;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--timeout", paramLabel = "D", converter = Durations.Converter.class,
      description = "Time limit per file, e.g. 30s, 500ms, 2m (default: 60s), reading included (the first files' "
          + "clocks start with the JVM); past it the verdict is unknown.")
  Duration timeout = LinearizabilityOptions.DEFAULT_TIMEOUT;

  @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT.")
  Path json;

  @Option(names = "--edn", paramLabel = "OUT", description = "Also write the results as EDN to OUT.")
  Path edn;

  @Mixin FormatOption format;

  @Mixin HtmlOption html;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "History files, or etcd robustness report directories (client-*/operations.json).")
  List<Path> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One file's outcome. */
  private record Checked(Path file, LinearizabilityResult result, long nanos, History history) {}

  @Override
  public Integer call() throws IOException {
    Model m = model();
    int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (cores < 1) {
      throw new UsageError("--threads takes a number of threads of at least 1, not " + cores);
    }
    if (html.wanted() && files.size() != 1) {
      throw new UsageError("--html writes the page of one FILE, not of " + files.size());
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new UsageError("--timeout takes a positive duration, not " + timeout);
    }
    // Several files are checked side by side, one thread each; one file gets every thread for its partitions.
    int workers = Math.min(cores, files.size());
    LinearizabilityOptions options = LinearizabilityOptions.defaults().withIndependent(independent).withTimeout(timeout)
        .withThreads(Math.max(1, cores / workers))
        .withRealTime(byTime ? LinearizabilityOptions.RealTime.TIME : LinearizabilityOptions.RealTime.FILE);
    PrintWriter out = spec.commandLine().getOut();
    List<Checked> done = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "madjep-check-linear");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Checked>> pending = new ArrayList<>();
      long clockStart = Limits.clockStart();
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        // The files that start at once count from the command's start, as a user times it; later ones from their
        // own start.
        boolean first = i < workers;
        pending.add(pool.submit(() -> check(file, m, options, (first ? clockStart : System.nanoTime()) + timeout.toNanos())));
      }
      for (Future<Checked> f : pending) {
        Checked c = get(f);
        done.add(c);
        html.write(c.file(), c.history(), c.result().toData());
        print(out, c, m);
        out.flush();
      }
    } finally {
      pool.shutdownNow();
    }
    int code = ExitCode.VALID;
    int[] counts = new int[Verdict.values().length];
    for (Checked c : done) {
      counts[c.result().verdict().ordinal()]++;
      code = ExitCode.merge(code, ExitCode.of(c.result().verdict()));
    }
    if (done.size() > 1) {
      out.printf("%d files: %d valid, %d invalid, %d unknown%n", done.size(), counts[0], counts[1], counts[2]);
    }
    if (json != null || edn != null) {
      Map<Keyword, Object> data = data(done);
      if (json != null) {
        AtomicFiles.writeString(json, JsonValues.toJson(data, true) + "\n");
      }
      if (edn != null) {
        AtomicFiles.writeString(edn, Edn.print(data) + "\n");
      }
    }
    return code;
  }

  private Model model() {
    if (!Models.NAMES.contains(model)) {
      throw new UsageError("--model takes one of " + String.join(", ", Models.NAMES) + ", not '" + model + "'");
    }
    try {
      return Models.parse(model, initial);
    } catch (DataError e) {
      throw new UsageError("--initial takes an EDN value: " + e.detail());
    } catch (IllegalArgumentException e) {
      throw new UsageError("--initial: " + e.getMessage());
    }
  }

  /**
   * Reads and checks one file within its deadline. A watchdog answers unknown (timeout) for a file whose reading
   * blocks (a pipe that never delivers) or that overruns the deadline by more than {@link Limits#GRACE_NANOS}.
   */
  private Checked check(Path file, Model m, LinearizabilityOptions options, long deadline) throws IOException {
    long start = System.nanoTime();
    Checked c = Limits.within(deadline, () -> readAndCheck(file, m, options, deadline, start));
    return c != null ? c : unknown(file, m, LinearizabilityResult.Cause.TIMEOUT, start);
  }

  private Checked readAndCheck(Path file, Model m, LinearizabilityOptions options, long deadline, long start)
      throws IOException {
    History h;
    try {
      h = Histories.read(file, format.format(), deadline);
    } catch (Limits.ReadTimeout e) {
      return unknown(file, m, LinearizabilityResult.Cause.TIMEOUT, start);
    }
    long left = Limits.remaining(deadline);
    if (left <= 0) {
      return unknown(file, m, LinearizabilityResult.Cause.TIMEOUT, start);
    }
    Limits.Outcome<LinearizabilityResult> r =
        Limits.check(() -> LinearizabilityChecker.check(h, m, options.withTimeout(Duration.ofNanos(left))));
    return r.result() == null ? unknown(file, m, LinearizabilityResult.Cause.MEMORY, start)
        : new Checked(file, r.result(), System.nanoTime() - start, html.wanted() ? h : null);
  }

  private static Checked unknown(Path file, Model m, LinearizabilityResult.Cause cause, long start) {
    return new Checked(file, new LinearizabilityResult(Verdict.UNKNOWN, cause, m.name(), 0, 0, 0, null),
        System.nanoTime() - start, null);
  }

  /** The future's value; its DataError or IOException as they are, so that Main reports them. */
  private static Checked get(Future<Checked> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw Limits.causeOf(e);
    }
  }

  private static void print(PrintWriter out, Checked c, Model m) {
    LinearizabilityResult r = c.result();
    String verdict = VerdictText.word(r.verdict())
        + (r.cause() == null ? "" : " (" + r.cause().keyword().name() + ")");
    out.printf("%s: %s  %d ops, %d %s, %s%n", c.file(), verdict, r.ops(), r.partitions(),
        r.partitions() == 1 ? "partition" : "partitions", Durations.format(c.nanos()));
    Failure f = r.failure();
    if (f == null) {
      return;
    }
    out.printf("  %s%s%n", f.explanation(), f.op().line() > 0 ? " (line " + f.op().line() + ")" : "");
    if (!f.prefixes().isEmpty() && !f.prefixes().get(0).isEmpty()) {
      List<Failure.Step> p = f.prefixes().get(0);
      int from = Math.max(0, p.size() - SHOWN_STEPS);
      out.printf("  the longest linearizable prefix found (%d ops)%s:%n", p.size(),
          from > 0 ? ", last " + (p.size() - from) : "");
      for (Failure.Step s : p.subList(from, p.size())) {
        Failure.OpRef op = s.op();
        out.printf("    op %d, process %s: %s -> %s%n", op.index(), Edn.print(op.process()),
            m.describeOp(op.f(), op.value()), Edn.print(s.state()));
      }
    }
  }

  private static Map<Keyword, Object> data(List<Checked> done) {
    List<Object> results = new ArrayList<>();
    Verdict overall = Verdict.VALID;
    for (Checked c : done) {
      Map<Keyword, Object> m = new LinkedHashMap<>();
      m.put(Keyword.of("file"), c.file().toString());
      m.putAll(c.result().toData());
      m.put(Keyword.of("time-ms"), c.nanos() / 1e6);
      results.add(m);
      overall = overall.merge(c.result().verdict());
    }
    Map<Keyword, Object> data = new LinkedHashMap<>();
    data.put(Keyword.of("valid?"), overall.toData());
    data.put(Keyword.of("checker"), "linear");
    data.put(Keyword.of("results"), results);
    return data;
  }
}
