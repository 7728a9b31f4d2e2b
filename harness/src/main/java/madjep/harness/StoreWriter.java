package madjep.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.JsonValues;
import madjep.report.HtmlReport;
import madjep.sim.scenario.ScenarioFiles;
import madjep.sim.scenario.SimResult;

/**
 * The one writer of Jepsen's store layout: {@code STORE/<scenario>/<yyyyMMdd'T'HHmmss.SSS>/} holding the two
 * histories, {@link #SIM_FILES} and {@link #FILES}, and the links {@code STORE/latest} and {@code
 * STORE/<scenario>/latest}. It owns every name, link and temporary file of a store:
 *
 * <ul>
 *   <li>a scenario's name becomes one safe path segment of at most {@value #MAX_NAME} characters, never {@code
 *       latest} or a hidden name;
 *   <li>a run directory is filled under a hidden temporary name ({@code .tmp-PID-...}) and renamed into place whole,
 *       so a run that dies leaves no half-written directory; temporaries of processes that are gone (killed with
 *       {@code kill -9}) are removed by the next write, and those of this process when it is interrupted;
 *   <li>a symbolic link planted where a scenario directory belongs is refused, never followed;
 *   <li>files are readable by everyone ({@code 0644}, directories {@code 0755}).
 * </ul>
 *
 * <p>{@link #check} refuses a store that cannot be written before anything runs.
 */
public final class StoreWriter {
  /** The longest scenario directory name; longer names are cut and keep a hash of the whole. */
  static final int MAX_NAME = 100;

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");
  private static final String TEMP = ".tmp-";
  private static final long PID = ProcessHandle.current().pid();
  /** How long the exit clean-up waits for writers to stop at their next file before removing what is left. */
  private static final long WRITER_GRACE_NANOS = 3_000_000_000L;
  /** Temporary directories being filled by this process: an interrupted process removes them on its way out. */
  private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
  /**
   * Those of {@link #IN_PROGRESS} whose simulation still runs: only their history threads write into them, through
   * open files that cannot recreate a removed directory, so the exit clean-up need not wait for them.
   */
  private static final Set<Path> SIMULATING = ConcurrentHashMap.newKeySet();
  private static volatile boolean hookInstalled;
  /** Set when the process is going down: from then on no run is published, only cleaned up. */
  private static volatile boolean shuttingDown;
  /** Publishing a run (its rename and links) and the exit clean-up exclude each other. */
  private static final java.util.concurrent.locks.ReentrantLock PUBLISH = new java.util.concurrent.locks.ReentrantLock();
  private static final java.util.concurrent.atomic.AtomicLong LINKS = new java.util.concurrent.atomic.AtomicLong();

  /**
   * One file of a run directory, written from the checked run and, when it was made while the run was checked, the
   * history's part of its page (else null).
   */
  @FunctionalInterface
  interface RunFile {
    void write(Run run, HtmlReport.Prepared page, Path file) throws IOException;
  }

  /** One file of a run directory that the simulation alone decides (written while the check runs). */
  @FunctionalInterface
  interface SimResultFile {
    void write(SimResult sim, Path file) throws IOException;
  }

  /**
   * The files a run directory holds besides the two histories that need no verdict, in writing order: written while
   * the histories are completed and the check runs. To add such a file, add it here.
   */
  static final Map<String, SimResultFile> SIM_FILES = simFiles();

  /**
   * The files that need the verdict, in writing order: written once the check is done. To add such a file, add it
   * here.
   */
  static final Map<String, RunFile> FILES = files();

  private static Map<String, SimResultFile> simFiles() {
    Map<String, SimResultFile> m = new LinkedHashMap<>();
    m.put("scenario.toml", (sim, f) -> text(f, ScenarioFiles.toToml(sim.scenario())));
    m.put("trace.log", (sim, f) -> text(f, sim.trace()));
    m.put("metrics.jsonl", (sim, f) -> text(f, sim.observations().metrics()));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, RunFile> files() {
    Map<String, RunFile> m = new LinkedHashMap<>();
    m.put("results.edn", (run, page, f) -> text(f, Edn.print(Results.of(run)) + "\n"));
    m.put("results.json", (run, page, f) -> text(f, JsonValues.toJson(Results.of(run), true) + "\n"));
    m.put("report.html", (run, page, f) -> text(f, HtmlReport.render(RunPages.of(run, page), page)));
    return java.util.Collections.unmodifiableMap(m);
  }

  private StoreWriter() {}

  private static void text(Path f, String s) throws IOException {
    Files.writeString(f, s, StandardCharsets.UTF_8);
  }

  /** The directory name a scenario's runs go under: one safe segment, never {@code latest}, hidden or too long. */
  public static String directoryName(String scenario) {
    String n = scenario.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
    if (n.isEmpty()) {
      n = "scenario";
    }
    if (n.equals("latest")) {
      n = "_latest";
    }
    if (n.length() > MAX_NAME) {
      n = n.substring(0, MAX_NAME - 9) + "-" + String.format("%08x", scenario.hashCode());
    }
    return n;
  }

  /**
   * Refuses, before anything runs, a store the run could not be written to: a file where the store or the scenario's
   * directory belongs, a symbolic link planted as the scenario's directory, or a store that cannot be created.
   */
  public static void check(Path store, String scenario) throws IOException {
    if (Files.exists(store) && !Files.isDirectory(store)) {
      throw new IOException(store + ": expected a store directory, found a file");
    }
    Files.createDirectories(store);
    if (!Files.isWritable(store)) {
      throw new java.nio.file.AccessDeniedException(store.toString());
    }
    Path dir = store.resolve(directoryName(scenario));
    if (Files.isSymbolicLink(dir)) {
      throw new IOException(dir + ": expected the scenario's directory, found a symbolic link (refused: a store "
          + "never writes through a link)");
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + ": expected the scenario's directory, found a file");
    }
  }

  /** Writes a finished run and returns its directory. */
  public static Path write(Path store, Run run, LocalDateTime started) throws IOException {
    return write(store, run.sim(), () -> run, started);
  }

  /**
   * Writes a run, asking for its outcome only once the histories are written, so that a caller can check while this
   * writes; returns the run's directory.
   */
  public static Path write(Path store, SimResult r, Supplier<Run> outcome, LocalDateTime started)
      throws IOException {
    return write(store, r, null, outcome, started);
  }

  /** As {@link #write(Path, SimResult, Supplier, LocalDateTime)}; knowing the replay, it prepares the page early. */
  static Path write(Path store, SimResult r, String replay, Supplier<Run> outcome, LocalDateTime started)
      throws IOException {
    try (Open open = open(store, r.scenario().name(), started)) {
      open.histories().finish(r.history());
      return open.complete(r, replay, outcome);
    }
  }

  /**
   * Makes a run's hidden directory before its simulation starts, with its two histories open for writing as the
   * simulation records them ({@link Open#histories()}); {@link Open#complete} finishes and publishes it, and closing
   * an open run that was not completed removes it.
   */
  static Open open(Path store, String scenario, LocalDateTime started) throws IOException {
    check(store, scenario);
    Path scenarioDir = store.resolve(directoryName(scenario));
    Files.createDirectories(scenarioDir);
    removeAbandoned(scenarioDir);
    removeAbandoned(store);
    String stamp = STAMP.format(started);
    installHook();
    Path tmp;
    // Made and registered under the publish lock, so that the exit clean-up either sees it or it is never made.
    PUBLISH.lock();
    try {
      if (shuttingDown) {
        throw new java.io.InterruptedIOException("interrupted: the run was not stored");
      }
      tmp = Files.createTempDirectory(scenarioDir, TEMP + PID + "-" + stamp + "-");
      SIMULATING.add(tmp);
      IN_PROGRESS.add(tmp);
    } finally {
      PUBLISH.unlock();
    }
    try {
      return new Open(store, scenarioDir, stamp, tmp, new StreamedHistories(tmp));
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(tmp);
      } finally {
        IN_PROGRESS.remove(tmp);
        SIMULATING.remove(tmp);
      }
      throw e;
    }
  }

  /** A run directory being filled under its hidden name; see {@link #open}. */
  static final class Open implements AutoCloseable {
    private final Path store;
    private final Path scenarioDir;
    private final String stamp;
    private final Path tmp;
    private final StreamedHistories histories;
    private boolean closed;

    private Open(Path store, Path scenarioDir, String stamp, Path tmp, StreamedHistories histories) {
      this.store = store;
      this.scenarioDir = scenarioDir;
      this.stamp = stamp;
      this.tmp = tmp;
      this.histories = histories;
    }

    /** The writers of {@code history.edn} and {@code history.jsonl}: hand them the history so far, then the whole. */
    StreamedHistories histories() {
      return histories;
    }

    /**
     * Writes the rest of the run once {@code histories().finish(r.history())} was called: the {@link #SIM_FILES}
     * while the histories are completed (and, given the replay command, the history's part of the page), then, with
     * the outcome, the {@link #FILES}; publishes the directory and the {@code latest} links, and returns the
     * directory.
     */
    Path complete(SimResult r, String replay, Supplier<Run> outcome) throws IOException {
      SIMULATING.remove(tmp);
      try {
        writeFiles(r, replay, outcome, histories, tmp);
      } catch (IOException e) {
        if (shuttingDown) {
          // The exit clean-up removed the directory under the writer: the run is simply not stored.
          throw new java.io.InterruptedIOException("interrupted: the run was not stored");
        }
        throw e;
      }
      PUBLISH.lock();
      try {
        if (shuttingDown) {
          throw new java.io.InterruptedIOException("interrupted: the run was not stored");
        }
        Path dir = scenarioDir.resolve(stamp);
        for (int k = 1; ; k++) {
          try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            break;
          } catch (java.nio.file.FileSystemException e) {
            // Two runs stored in the same millisecond: Linux refuses the rename onto the other's directory with
            // ENOTEMPTY, which Java reports as a plain FileSystemException, not DirectoryNotEmptyException.
            if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              throw e;
            }
            dir = scenarioDir.resolve(stamp + "-" + k);
          }
        }
        link(store.resolve("latest"), store.relativize(dir));
        link(scenarioDir.resolve("latest"), scenarioDir.relativize(dir));
        return dir;
      } finally {
        PUBLISH.unlock();
      }
    }

    /** Stops the history writers and removes the hidden directory (nothing of it is left once it was published). */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      histories.cancel();
      try {
        deleteTree(tmp);
      } finally {
        IN_PROGRESS.remove(tmp);
        SIMULATING.remove(tmp);
      }
    }
  }

  /**
   * Fills the temporary directory: the {@link #SIM_FILES} and (given the replay command) the history's part of the
   * page on this thread while the histories' own threads complete them and the check runs, then, once the check is
   * done, the {@link #FILES}.
   */
  private static void writeFiles(SimResult r, String replay, Supplier<Run> outcome, StreamedHistories histories,
      Path tmp) throws IOException {
    HtmlReport.Prepared page = null;
    try {
      for (Map.Entry<String, SimResultFile> f : SIM_FILES.entrySet()) {
        stopIfShuttingDown();
        f.getValue().write(r, tmp.resolve(f.getKey()));
      }
      if (replay != null) {
        page = RunPages.prepare(r, replay);
      }
    } finally {
      // Never leave a writer running: it would write into the directory this writer's caller removes.
      histories.await();
    }
    Run run = outcome.get();
    if (page != null && !replay.equals(run.replay())) {
      page = null;
    }
    for (Map.Entry<String, RunFile> f : FILES.entrySet()) {
      stopIfShuttingDown();
      f.getValue().write(run, page, tmp.resolve(f.getKey()));
    }
    shareable(tmp);
  }

  private static void stopIfShuttingDown() throws java.io.InterruptedIOException {
    if (shuttingDown) {
      throw new java.io.InterruptedIOException("interrupted: the run was not stored");
    }
  }

  /** Removes the temporaries that processes which no longer run left in {@code dir}. */
  static void removeAbandoned(Path dir) throws IOException {
    List<Path> stale;
    try (Stream<Path> s = Files.list(dir)) {
      stale = s.filter(p -> abandoned(p.getFileName().toString())).toList();
    }
    for (Path p : stale) {
      deleteTree(p);
    }
  }

  /** True for {@code .tmp-PID-...} (a run directory) and {@code .latest.PID-N.tmp} (a link) of a dead process. */
  private static boolean abandoned(String name) {
    String pid;
    if (name.startsWith(TEMP)) {
      int dash = name.indexOf('-', TEMP.length());
      pid = dash < 0 ? "" : name.substring(TEMP.length(), dash);
    } else if (name.startsWith(".latest.") && name.endsWith(".tmp")) {
      int dash = name.indexOf('-', ".latest.".length());
      pid = dash < 0 ? "" : name.substring(".latest.".length(), dash);
    } else {
      return false;
    }
    try {
      long p = Long.parseLong(pid);
      return p != PID && ProcessHandle.of(p).map(h -> !h.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void installHook() {
    if (!hookInstalled) {
      synchronized (IN_PROGRESS) {
        if (!hookInstalled) {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Writers stop at their next file once this is set and remove their own directory; wait for them a
            // while (a writer's file write would otherwise recreate a directory removed under it), then remove what
            // is left.
            shuttingDown = true;
            long until = System.nanoTime() + WRITER_GRACE_NANOS;
            while (!SIMULATING.containsAll(IN_PROGRESS) && System.nanoTime() - until < 0) {
              try {
                Thread.sleep(10);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
              }
            }
            PUBLISH.lock();
            try {
              for (Path p : IN_PROGRESS) {
                try {
                  deleteTree(p);
                } catch (IOException | RuntimeException e) {
                  // The next write removes what is left: its process is gone by then.
                }
              }
            } finally {
              PUBLISH.unlock();
            }
          }, "madjep-store-cleanup"));
          hookInstalled = true;
        }
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(p);
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(x);
      }
    }
  }

  /** Temporary directories are private to their owner; a run's results are for everyone to read. */
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

  /**
   * Points {@code link} at {@code target} (relative), replacing an older link atomically where possible. Something
   * other than a link at that place (a directory a user made) is left alone, and no link is made.
   */
  private static void link(Path link, Path target) throws IOException {
    if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
      return;
    }
    // Unique per call: runs of one process (a JUnit class in parallel) may move the same link at once.
    Path tmp = link.resolveSibling("." + link.getFileName() + "." + PID + "-" + LINKS.incrementAndGet() + ".tmp");
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
