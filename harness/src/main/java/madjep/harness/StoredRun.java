package madjep.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import madjep.history.DataError;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * A run as the store holds it: its directory and its {@code results.edn}. Reads MadJep's runs and Jepsen's own store
 * directories, which share the layout.
 *
 * @param dir the run directory
 * @param results the results map
 * @param verdict its {@code :valid?}
 */
public record StoredRun(Path dir, Map<?, ?> results, Verdict verdict) {
  private static final Keyword VALID = Keyword.of("valid?");

  /** Reads the run {@code d} names: itself when it holds results.edn, else what its {@code latest} link names. */
  public static StoredRun read(Path d) throws IOException {
    Path run = runDirectory(d);
    Path resultsFile = run.resolve("results.edn");
    Object parsed = EdnParser.parse(Files.readString(resultsFile, StandardCharsets.UTF_8), resultsFile.toString());
    if (!(parsed instanceof Map<?, ?> results) || !results.containsKey(VALID)) {
      throw new DataError(resultsFile.toString(), 1, 1, -1, "expected a results map with :valid?, found "
          + EdnParser.describe(parsed));
    }
    return new StoredRun(run, results, Verdict.fromData(results.get(VALID)));
  }

  static Path runDirectory(Path d) {
    if (Files.isRegularFile(d.resolve("results.edn"))) {
      return d;
    }
    Path latest = d.resolve("latest");
    if (Files.isRegularFile(latest.resolve("results.edn"))) {
      return latest;
    }
    if (!Files.exists(d)) {
      throw new DataError(d.toString(), 0, 0, -1, "expected a store or run directory, found no such file");
    }
    throw new DataError(d.toString(), 0, 0, -1,
        "expected a run directory holding results.edn, or a store whose 'latest' names one, found neither");
  }

  /** The value of {@code :key} in the results, or null. */
  public Object get(String key) {
    return results.get(Keyword.of(key));
  }

  /** The checker's own result map: {@code :results} in MadJep's runs, the whole map in Jepsen's. */
  public Map<?, ?> checked() {
    return get("results") instanceof Map<?, ?> m ? m : results;
  }

  /** Every {@code :explanation} string inside the results, breadth first, at most {@code limit}. */
  public List<String> explanations(int limit) {
    List<String> found = new ArrayList<>();
    List<Object> queue = new ArrayList<>(List.of(results));
    for (int i = 0; i < queue.size() && found.size() < limit; i++) {
      Object v = queue.get(i);
      if (v instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (e.getKey() == Keyword.of("explanation") && e.getValue() instanceof String s) {
            found.add(s);
          } else {
            queue.add(e.getValue());
          }
        }
      } else if (v instanceof Collection<?> c) {
        queue.addAll(c);
      }
    }
    return found;
  }

  /** The run's files, by name, hidden ones left out. */
  public List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }
}
