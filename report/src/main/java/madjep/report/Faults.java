package madjep.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import madjep.history.History;
import madjep.history.edn.Keyword;

/**
 * The faults a history's named processes (Jepsen's {@code :nemesis}) applied, as bands on the axis. Each nemesis
 * action is logged as two {@code :info} ops (what was asked, then what was done); a fault lasts from the action that
 * starts it to the one that ends it: {@code start-X}/{@code stop-X} (partitions, packet faults, clogs),
 * {@code kill} or {@code stop}/{@code start} (nodes down), {@code pause}/{@code resume}, clock changes/{@code
 * reset-clock}, and Jepsen's classic {@code start}/{@code stop}. Anything else is an instant marker.
 */
final class Faults {
  /** A fault in effect from {@code start} to {@code end} on the axis, on one node or (node null) the cluster. */
  record Band(String kind, String node, long start, long end, String label, String detail, boolean healed) {}

  /** An action that starts or ends no fault, such as a membership change. */
  record Marker(long at, String label, String detail) {}

  final List<Band> bands = new ArrayList<>();
  final List<Marker> markers = new ArrayList<>();
  /**
   * The bands with distinct kind, start and end: a fault on five nodes at once is shaded once over the lanes and
   * plots.
   */
  List<Band> shades() {
    List<Band> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Band b : bands) {
      if (seen.add(b.kind() + "/" + b.start() + "/" + b.end())) {
        out.add(b);
      }
    }
    return out;
  }

  /** Nodes named by node faults, sorted by name (n2 before n10). */
  final List<String> nodes;
  /** Actions read. */
  int actions;

  private final List<Open> open = new ArrayList<>();

  private record Open(String kind, String node, long start, String label, String detail) {}

  Faults(History h, Axis axis) {
    TreeSet<String> names = new TreeSet<>(Faults::compareNames);
    for (int i = nextAction(h, 0); i < h.size(); i = nextAction(h, i + 1)) {
      int p = h.pair(i);
      if (p >= 0 && p < i) {
        continue;
      }
      actions++;
      Object asked = h.value(i);
      Object done = p >= 0 ? h.value(p) : asked;
      String f = h.f(i) == null ? "nil" : h.f(i).name();
      String who = h.processName(h.process(i)).name();
      String detail = (who.equals("nemesis") ? "" : who + " ") + f + " " + Format.edn(asked, 200)
          + (p >= 0 ? " → " + Format.edn(done, 400) : "");
      apply(f, axis.at(i), asked, done, detail, names);
    }
    for (Open o : open) {
      bands.add(new Band(o.kind, o.node, o.start, axis.span, o.label, o.detail + " (still in effect at the end)",
          false));
    }
    open.clear();
    bands.sort(java.util.Comparator.comparingLong(Band::start));
    nodes = List.copyOf(names);
  }

  /**
   * The first position from {@code from} on that a named process (the nemesis) logged, or the history's size. A loop
   * of its own: this constructor runs once, so its own loop ran interpreted over a simulated hour's 5 million client
   * ops until the JIT had compiled all of the constructor on stack (JFR: 90 ms, and 167 ms of C2 time).
   */
  private static int nextAction(History h, int from) {
    int n = h.size();
    int i = from;
    while (i < n && (h.isClient(i) || h.process(i) == History.NO_PROCESS)) {
      i++;
    }
    return i;
  }

  private void apply(String f, long at, Object asked, Object done, String detail, Collection<String> names) {
    switch (f) {
      case "kill", "crash" -> startOnNodes("down", "killed", at, done, detail, names);
      case "stop" -> {
        if (!close("fault", at)) {
          startOnNodes("down", "stopped", at, done, detail, names);
        }
      }
      case "start", "restart", "recover" -> {
        if (!close("down", at) && f.equals("start")) {
          open.add(new Open("fault", null, at, "nemesis: " + Format.edn(done, 60), detail));
        }
      }
      case "pause" -> startOnNodes("paused", "paused", at, done, detail, names);
      case "resume" -> close("paused", at);
      case "bump-clock", "drift-clock", "strobe-clock", "skew-clock", "start-clock-skew" ->
          startOnNodes("clock", f.replace("-clock", "").replace("start-", ""), at, done, detail, names);
      case "reset-clock", "stop-clock-skew" -> close("clock", at);
      case "partition" -> open.add(new Open("partition", null, at, partitionLabel(asked, done), detail));
      case "heal" -> close("partition", at);
      default -> {
        if (f.startsWith("start-")) {
          String kind = f.substring("start-".length());
          close(kind, at);
          String label = kind.equals("partition") ? partitionLabel(asked, done) : kind + " " + Format.edn(asked, 40);
          open.add(new Open(kind, null, at, label, detail));
        } else if (f.startsWith("stop-")) {
          close(f.substring("stop-".length()), at);
        } else {
          markers.add(new Marker(at, f, detail));
        }
      }
    }
  }

  private void startOnNodes(String kind, String verb, long at, Object done, String detail, Collection<String> names) {
    List<String> targets = nodeNames(done);
    if (done instanceof Collection<?> c && c.isEmpty() || done instanceof Map<?, ?> m && m.isEmpty()) {
      // Nothing was done (no node was up to pause, say): an action, not a fault.
      markers.add(new Marker(at, verb + " (no node)", detail));
      return;
    }
    if (targets.isEmpty()) {
      open.add(new Open(kind, null, at, verb + " " + Format.edn(done, 40), detail));
      return;
    }
    for (String n : targets) {
      close(kind, n, at);
      names.add(n);
      open.add(new Open(kind, n, at, verb, detail));
    }
  }

  private boolean close(String kind, long at) {
    return close(kind, null, at);
  }

  /** Ends the open faults of {@code kind} (on {@code node} only, when given); true when there was one. */
  private boolean close(String kind, String node, long at) {
    boolean any = false;
    for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
      Open o = it.next();
      if (o.kind.equals(kind) && (node == null || node.equals(o.node))) {
        bands.add(new Band(o.kind, o.node, o.start, Math.max(at, o.start), o.label, o.detail, true));
        it.remove();
        any = true;
      }
    }
    return any;
  }

  /** Node names in a nemesis value: a vector of names, or a map keyed by names. */
  static List<String> nodeNames(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof Collection<?> c) {
      for (Object x : c) {
        if (x instanceof String s && !s.isBlank()) {
          out.add(s);
        }
      }
    } else if (v instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (k instanceof String s && !s.isBlank()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /**
   * A partition as its groups, {@code n1 n4 | n2 n3 n5}: from a grudge ({@code [:isolated {node [nodes it
   * drops]}]}, Jepsen's shape) when its nodes fall into groups that hear each other, else what was asked.
   */
  static String partitionLabel(Object asked, Object done) {
    if (done instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Keyword && l.get(1) instanceof Map<?, ?> g) {
      String groups = groups(g);
      if (groups != null) {
        return groups;
      }
    }
    if (asked instanceof String s) {
      return s;
    }
    return asked == null ? "partition" : "partition " + Format.edn(asked, 40);
  }

  /** The grudge's groups, or null when it is not a clean split (a ring, a bridge, one-way). */
  private static String groups(Map<?, ?> grudge) {
    TreeMap<String, TreeSet<String>> drops = new TreeMap<>(Faults::compareNames);
    TreeSet<String> all = new TreeSet<>(Faults::compareNames);
    for (Map.Entry<?, ?> e : grudge.entrySet()) {
      if (!(e.getKey() instanceof String a) || !(e.getValue() instanceof Collection<?> from)) {
        return null;
      }
      TreeSet<String> s = new TreeSet<>(Faults::compareNames);
      for (Object x : from) {
        if (!(x instanceof String b)) {
          return null;
        }
        s.add(b);
        all.add(b);
      }
      drops.put(a, s);
      all.add(a);
    }
    List<TreeSet<String>> groups = new ArrayList<>();
    for (String n : all) {
      TreeSet<String> home = null;
      for (TreeSet<String> g : groups) {
        if (hears(drops, n, g.first())) {
          home = g;
          break;
        }
      }
      if (home == null) {
        home = new TreeSet<>(Faults::compareNames);
        groups.add(home);
      }
      home.add(n);
    }
    // A clean split: inside a group everyone hears everyone, across groups nobody hears anybody.
    for (TreeSet<String> g : groups) {
      for (String a : all) {
        for (String b : g) {
          if (!a.equals(b) && hears(drops, a, b) != g.contains(a)) {
            return null;
          }
        }
      }
    }
    if (groups.size() < 2) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (TreeSet<String> g : groups) {
      if (sb.length() > 0) {
        sb.append(" | ");
      }
      sb.append(String.join(" ", g));
    }
    return sb.toString();
  }

  private static boolean hears(Map<String, TreeSet<String>> drops, String a, String b) {
    TreeSet<String> da = drops.get(a);
    TreeSet<String> db = drops.get(b);
    return (da == null || !da.contains(b)) && (db == null || !db.contains(a));
  }

  /**
   * Digits without their leading zeros, one digit left at least ("007" is "7", "000" is "0"). By hand, not with a
   * regular expression: a long run's page compares node names hundreds of thousands of times.
   */
  static String withoutLeadingZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }

  /** Names in natural order: n2 before n10. */
  static int compareNames(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        String na = withoutLeadingZeros(a.substring(si, i));
        String nb = withoutLeadingZeros(b.substring(sj, j));
        int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        if (c != 0) {
          return c;
        }
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
