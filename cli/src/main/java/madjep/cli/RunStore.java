package madjep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryWriter;
import madjep.history.io.JsonValues;
import madjep.report.HtmlReport;
import madjep.report.Report;
import madjep.report.RunInfo;
import madjep.sim.scenario.ScenarioFiles;
import madjep.sim.scenario.SimResult;

/**
 * Jepsen's store layout for a simulated run: {@code STORE/<scenario>/<yyyyMMdd'T'HHmmss.SSS>/} with {@code
 * history.edn}, {@code history.jsonl}, {@code results.edn}, {@code results.json}, {@code scenario.toml} (fully
 * resolved, seed included), {@code trace.log} and {@code report.html}, and the links {@code STORE/latest} and {@code
 * STORE/<scenario>/latest}. The run directory is filled under a hidden name and renamed into place, so a run that
 * dies leaves no half-written directory.
 */
final class RunStore {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");

  private RunStore() {}

  /** Writes the run and returns its directory. */
  static Path write(Path store, SimResult r, SimVerdict v, LocalDateTime started, String replay)
      throws IOException {
    return write(store, r, () -> v, started, replay);
  }

  /**
   * Writes the run, asking for the verdict only once the histories are written, so that a caller can check while
   * this writes; returns the run's directory.
   */
  static Path write(Path store, SimResult r, java.util.function.Supplier<SimVerdict> verdict,
      LocalDateTime started, String replay) throws IOException {
    // A scenario file names its own directory: keep the name to one safe path segment.
    String name = r.scenario().name().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
    Path scenarioDir = store.resolve(name.isEmpty() ? "scenario" : name);
    Files.createDirectories(scenarioDir);
    String stamp = STAMP.format(started);
    Path tmp = Files.createTempDirectory(scenarioDir, "." + stamp + "-");
    try {
      // The two formats are written at once: a long run's history takes seconds per format.
      java.util.concurrent.CompletableFuture<Void> json = java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          HistoryWriter.write(r.history(), HistoryFormat.JSON, tmp.resolve("history.jsonl"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      HistoryWriter.write(r.history(), HistoryFormat.EDN, tmp.resolve("history.edn"));
      try {
        json.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof java.io.UncheckedIOException u) {
          throw u.getCause();
        }
        throw e;
      }
      SimVerdict v = verdict.get();
      Map<Keyword, Object> results = results(r, v, replay);
      Files.writeString(tmp.resolve("results.edn"), Edn.print(results) + "\n", StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("results.json"), JsonValues.toJson(results, true) + "\n",
          StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("scenario.toml"), ScenarioFiles.toToml(r.scenario()), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("trace.log"), r.trace(), StandardCharsets.UTF_8);
      HtmlReport.write(report(r, results, replay), tmp.resolve("report.html"));
      shareable(tmp);
      Path dir = scenarioDir.resolve(stamp);
      for (int k = 1; ; k++) {
        try {
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
          break;
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
          dir = scenarioDir.resolve(stamp + "-" + k);
        }
      }
      link(store.resolve("latest"), store.relativize(dir));
      link(scenarioDir.resolve("latest"), scenarioDir.relativize(dir));
      return dir;
    } finally {
      if (Files.exists(tmp)) {
        try (Stream<Path> s = Files.walk(tmp)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** The page of {@code report.html}: the history, the results map, and what the run knows of itself. */
  static Report report(SimResult r, Map<Keyword, Object> results, String replay) {
    RunInfo run = RunInfo.of(r.scenario().name(), r.scenario().seed(), replay)
        .withResolvedScenario(ScenarioFiles.toToml(r.scenario()))
        .withFaultSettings(r.faultsDescription())
        .withCounters(r.stats())
        .withAnnouncements(RunInfo.leadersFromTrace(r.trace()));
    return new Report(r.scenario().name() + " seed " + r.scenario().seed(), r.history(), results, run);
  }

  /** The results map: verdict, scenario and seed, the checker's data, and the run's counters. */
  static Map<Keyword, Object> results(SimResult r, SimVerdict v, String replay) {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("valid?"), v.validity());
    m.put(Keyword.of("scenario"), r.scenario().name());
    m.put(Keyword.of("seed"), r.scenario().seed());
    m.put(Keyword.of("checker"), r.check().checker());
    Map<Object, Object> opts = new LinkedHashMap<>();
    r.check().options().forEach((k, x) -> opts.put(Keyword.of(k), x instanceof Integer i ? (long) i : x));
    m.put(Keyword.of("checker-options"), opts);
    m.put(Keyword.of("results"), v.data());
    m.put(Keyword.of("faults"), r.faultsDescription());
    Map<Object, Object> stats = new LinkedHashMap<>();
    r.stats().forEach((k, x) -> stats.put(Keyword.of(k), x));
    m.put(Keyword.of("stats"), stats);
    m.put(Keyword.of("simulated-ns"), r.simulated());
    m.put(Keyword.of("event-hash"), Long.toHexString(r.eventHash()));
    m.put(Keyword.of("replay"), replay);
    return m;
  }

  /** Temporary files and directories are private to their owner; a run's results are for everyone to read. */
  private static void shareable(Path dir) throws IOException {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
      }
    }
  }

  /** Points {@code link} at {@code target} (relative), replacing an older link atomically where possible. */
  private static void link(Path link, Path target) throws IOException {
    Path tmp = link.resolveSibling("." + link.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createSymbolicLink(tmp, target);
      try {
        Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (UnsupportedOperationException e) {
      // No symbolic links on this file system: the runs are still there, only the shortcut is missing.
      Files.deleteIfExists(tmp);
    }
  }
}
