package madjep.linear;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import madjep.history.History;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;

/**
 * A history mini-language for tests: one op per string, {@code "PROCESS TYPE F VALUE [:key K]"}, as EDN, e.g.
 * {@code "0 :invoke :write 1"}, {@code "1 :ok :read nil"}, {@code ":nemesis :info :kill nil"}. The ops are read by
 * the real EDN reader, so they carry lines (op i is on line i + 1).
 */
final class Hist {
  private Hist() {}

  static History of(String... ops) {
    StringBuilder edn = new StringBuilder();
    for (String op : ops) {
      String[] w = op.trim().split("\\s+", 4);
      String rest = w.length > 3 ? w[3] : "nil";
      String key = "";
      int k = rest.indexOf(" :key ");
      if (k >= 0) {
        key = ", :key " + rest.substring(k + 6);
        rest = rest.substring(0, k);
      }
      edn.append("{:process ").append(w[0]).append(", :type ").append(w[1]).append(", :f ").append(w[2])
          .append(", :value ").append(rest).append(key).append("}\n");
    }
    try {
      return HistoryReader.read(new ByteArrayInputStream(edn.toString().getBytes(StandardCharsets.UTF_8)),
          "test.edn", HistoryFormat.EDN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static History of(List<String> ops) {
    return of(ops.toArray(new String[0]));
  }
}
