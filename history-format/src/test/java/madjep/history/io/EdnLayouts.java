package madjep.history.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;

/** Renders a history as valid EDN in the layouts real files use: per line, in a vector, multi-line, commented. */
final class EdnLayouts {
  private EdnLayouts() {}

  static String render(History h, SplittableRandom r) {
    int layout = r.nextInt(4);
    if (layout == 0) {
      return Texts.write(h, HistoryFormat.EDN);
    }
    StringBuilder sb = new StringBuilder();
    if (r.nextBoolean()) {
      sb.append("; a history\n");
    }
    boolean vector = layout >= 2;
    boolean list = r.nextBoolean();
    if (vector) {
      sb.append(list ? "(" : "[");
    }
    boolean writeIndex = !dense(h) || r.nextBoolean();
    for (int i = 0; i < h.size(); i++) {
      if (r.nextInt(5) == 0) {
        sb.append(" ; op ").append(i).append('\n');
      }
      if (r.nextInt(6) == 0) {
        sb.append("#jepsen.history.Op");
      }
      List<String> entries = new ArrayList<>();
      if (writeIndex) {
        entries.add(":index " + h.index(i));
      }
      if (h.time(i) != -1) {
        entries.add(":time " + h.time(i));
      }
      entries.add(":type " + h.type(i).keyword());
      if (h.processValue(i) != null) {
        entries.add(":process " + Edn.print(h.processValue(i)));
      }
      if (h.f(i) != null) {
        entries.add(":f " + h.f(i));
      }
      if (h.value(i) != null || r.nextBoolean()) {
        entries.add(":value " + Edn.print(h.value(i)));
      }
      if (h.error(i) != null) {
        entries.add(":error " + Edn.print(h.error(i)));
      }
      List<String> extras = new ArrayList<>();
      for (Map.Entry<Keyword, Object> e : h.extras(i).entrySet()) {
        extras.add(e.getKey() + " " + Edn.print(e.getValue()));
      }
      // Standard keys may come in any order; other keys keep theirs.
      for (int k = entries.size() - 1; k > 0; k--) {
        int j = r.nextInt(k + 1);
        String t = entries.get(k);
        entries.set(k, entries.get(j));
        entries.set(j, t);
      }
      entries.addAll(r.nextInt(entries.size() + 1), extras);
      String sep = switch (r.nextInt(4)) {
        case 0 -> ", ";
        case 1 -> " ";
        case 2 -> ",\n  ";
        default -> "\n\t ";
      };
      sb.append('{').append(String.join(sep, entries)).append('}');
      sb.append(vector && r.nextBoolean() ? " " : "\n");
    }
    if (vector) {
      sb.append(list ? ")" : "]").append('\n');
    }
    return sb.toString();
  }

  private static boolean dense(History h) {
    for (int i = 0; i < h.size(); i++) {
      if (h.index(i) != i) {
        return false;
      }
    }
    return true;
  }
}
