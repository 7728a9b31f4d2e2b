package madjep.bench.linear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import madjep.history.History;
import madjep.history.io.HistoryReader;

/** Corpus histories for benchmarks: {@code -Dmadjep.corpus=DIR}, default {@code ../shared/corpus}. */
final class Corpora {
  private Corpora() {}

  static Path root() {
    Path root = Path.of(System.getProperty("madjep.corpus", "../shared/corpus")).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("no corpus at " + root + "; run from the repository root or set "
          + "-Dmadjep.corpus=DIR");
    }
    return root;
  }

  static History read(String relative) {
    try {
      return HistoryReader.read(root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Porcupine's etcd histories, in name order, without the empty etcd_095. */
  static List<History> etcd() {
    List<History> hs = new ArrayList<>();
    try (Stream<Path> s = Files.list(root().resolve("porcupine/jepsen"))) {
      for (Path p : s.sorted().toList()) {
        History h = HistoryReader.read(p);
        if (h.size() > 0) {
          hs.add(h);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hs;
  }
}
