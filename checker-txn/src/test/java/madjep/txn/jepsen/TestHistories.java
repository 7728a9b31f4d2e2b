package madjep.txn.jepsen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * A history mini-language for tests, one op per string: {@code "[@MS] PROCESS TYPE F [VALUE-EDN]"}, e.g. {@code
 * "0 invoke add 1"}, {@code "@250 1 ok read [1 2]"}, {@code "n info kill nil"} ({@code n} is {@code :nemesis},
 * {@code -} no process). An op's time is its position in ms unless {@code @MS} gives it.
 */
final class TestHistories {
  static final long NANOS_PER_MS = 1_000_000L;

  private TestHistories() {}

  static History parse(String... lines) {
    List<Op> ops = new ArrayList<>();
    for (String line : lines) {
      ops.add(op(line, ops.size()));
    }
    return History.of("<test>", ops);
  }

  static Op op(String line, int position) {
    String s = line.trim();
    long ms = position;
    if (s.startsWith("@")) {
      int sp = s.indexOf(' ');
      ms = Long.parseLong(s.substring(1, sp));
      s = s.substring(sp + 1).trim();
    }
    String[] parts = s.split("\\s+", 4);
    Object process = switch (parts[0]) {
      case "n" -> Keyword.of("nemesis");
      case "-" -> null;
      default -> EdnParser.box(Long.parseLong(parts[0]));
    };
    OpType type = OpType.of(Keyword.of(parts[1]));
    Object value = parts.length > 3 ? Edn.parse(parts[3]) : null;
    return new Op(-1, ms * NANOS_PER_MS, type, process, Keyword.of(parts[2]), value, null, Map.of());
  }
}
