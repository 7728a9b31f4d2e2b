package madjep.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import madjep.history.io.HistoryReader;
import madjep.history.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusReadTest {
  static List<Path> files() {
    return Corpus.historyFiles();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void corpusFile_reads_wellFormed(Path file) throws IOException {
    History h = HistoryReader.read(file);
    assertTrue(h.problems().isEmpty(), () -> file + ": " + h.problems());
    String name = file.getFileName().toString();
    if (!name.equals("etcd_095.log")) {
      assertTrue(h.size() > 0, file + " read as empty");
    }
  }

  @Test
  void emptyEtcdLog_readsAsEmptyHistory() throws IOException {
    History h = HistoryReader.read(Corpus.root().resolve("porcupine/jepsen/etcd_095.log"));
    assertEquals(0, h.size());
  }

  @Test
  void etcdLog_countsMatchManifest() throws IOException {
    // MANIFEST columns: path, model, expected, source, invocations, info_ops, processes, ...
    for (String[] row : Corpus.tsv(Corpus.root().resolve("porcupine/MANIFEST.tsv"))) {
      if (!row[0].startsWith("jepsen/") || row[0].endsWith("095.log")) {
        continue;
      }
      History h = HistoryReader.read(Corpus.root().resolve("porcupine").resolve(row[0]));
      int invokes = 0;
      int infos = 0;
      java.util.Set<Integer> processes = new java.util.HashSet<>();
      for (int i = 0; i < h.size(); i++) {
        invokes += h.isInvoke(i) ? 1 : 0;
        infos += h.isInfo(i) ? 1 : 0;
        processes.add(h.process(i));
      }
      assertEquals(Integer.parseInt(row[4]), invokes, row[0] + " invocations");
      assertEquals(Integer.parseInt(row[5]), infos, row[0] + " info ops");
      assertEquals(Integer.parseInt(row[6]), processes.size(), row[0] + " processes");
    }
  }
}
