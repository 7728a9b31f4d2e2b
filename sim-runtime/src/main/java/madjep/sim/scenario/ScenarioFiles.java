package madjep.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import madjep.history.DataError;
import madjep.sim.Durations;
import madjep.sim.Latency;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Step;
import madjep.sim.workload.ClientSettings;

/**
 * Scenario files: TOML ({@code .toml}) or YAML ({@code .yaml}, {@code .yml}) with the keys {@link #toToml} writes.
 * Every key is optional: a missing one keeps the default of the bundled {@code raft-kv}, or of the bundled scenario
 * named by {@code base}. Durations are text ({@code 250ms}, {@code 2s}); latencies too ({@code uniform 1ms 5ms}).
 * Unknown keys are errors, so a typo never silently keeps a default.
 */
public final class ScenarioFiles {
  private ScenarioFiles() {}

  /** Reads a scenario file; a bad one is a {@link DataError} naming the file and the key. */
  public static Scenario read(Path file) throws IOException {
    return read(file, Systems.loader());
  }

  /**
   * Reads a scenario file whose {@code system} may name a {@link madjep.sim.NodeFactory} class found through {@code
   * loader} (the CLI's {@code --classpath}).
   */
  public static Scenario read(Path file, ClassLoader loader) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    ObjectMapper mapper = yaml ? new YAMLMapper() : new TomlMapper();
    JsonNode root;
    String text = text(file);
    try {
      root = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new DataError(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), -1,
          "expected a scenario in " + (mapper instanceof TomlMapper ? "TOML" : "YAML") + ", found: "
              + e.getOriginalMessage());
    }
    String defaultName = file.getFileName().toString().replaceFirst("\\.(toml|ya?ml)$", "");
    try {
      return parse(root, file.toString(), defaultName, loader);
    } catch (DataError e) {
      throw KeyPositions.placed(e, text, yaml);
    }
  }

  /** The file's text; bytes that are not UTF-8 are a data error at their line, never an I/O error. */
  private static String text(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    int bad = madjep.history.edn.EdnParser.firstBadUtf8(b, 0, b.length);
    if (bad >= 0) {
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (b[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new DataError(file.toString(), line, bad - lineStart + 1, -1,
          "expected UTF-8 text, found the byte 0x" + Integer.toHexString(b[bad] & 0xff));
    }
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Reads scenario text (TOML). */
  public static Scenario parseToml(String text, String source) {
    return parseToml(text, source, Systems.loader());
  }

  /** Reads scenario text (TOML) whose {@code system} may name a class found through {@code loader}. */
  public static Scenario parseToml(String text, String source, ClassLoader loader) {
    try {
      return parse(new TomlMapper().readTree(text), source, "scenario", loader);
    } catch (DataError e) {
      throw KeyPositions.placed(e, text, false);
    } catch (JsonProcessingException e) {
      throw new DataError(source, 0, 0, -1, "expected a scenario in TOML, found: " + e.getOriginalMessage());
    }
  }

  private static final List<String> TOP = List.of("name", "base", "seed", "nodes", "system", "bug", "duration",
      "quiet", "finals", "network", "workload", "clients", "faults", "liveness", "storage", "resources", "regions",
      "checks");
  private static final List<String> LIVENESS = List.of("window", "min-ops", "degraded", "degraded-targets");
  private static final List<String> NETWORK = List.of("latency", "client-latency", "loss", "links");
  private static final List<String> WORKLOAD = List.of("name", "keys", "key-distribution", "ops-per-key",
      "ops-per-txn", "accounts", "total");
  private static final List<String> CLIENTS = List.of("concurrency", "rate", "timeout", "retry", "idle");
  private static final List<String> FAULTS = List.of("mode", "kinds", "interval", "partitions", "targets",
      "max-bump", "max-drift-ppm", "loss", "duplicate", "reorder", "reorder-bound", "delay", "steps", "triggers",
      "phases");

  static Scenario parse(JsonNode root, String source, String defaultName, ClassLoader loader) {
    try {
      return parseChecked(root, source, defaultName, loader);
    } catch (IllegalArgumentException e) {
      // Settings' own checks name their keys (clients.rate: ..., faults.interval: ...).
      throw new DataError(source, 0, 0, -1, e.getMessage());
    }
  }

  private static Scenario parseChecked(JsonNode root, String source, String defaultName, ClassLoader loader) {
    Reader r = new Reader(source);
    r.known(root, "", TOP);
    Scenario.Builder b;
    String base = r.text(root, "base", null);
    if (base != null) {
      Bundled.Entry e = Bundled.get(base);
      if (e == null) {
        throw r.error("base", "expected a bundled scenario name", base);
      }
      b = e.scenario().toBuilder();
    } else {
      b = Scenario.builder(defaultName);
    }
    String system = r.text(root, "system", null);
    if (system != null) {
      try {
        b.system(Systems.resolve(system, loader));
      } catch (IllegalArgumentException e) {
        throw new DataError(source, 0, 0, -1, "system: " + e.getMessage());
      }
    } else if (base == null) {
      throw r.error("system", "expected a bundled system (" + String.join(", ", Systems.names())
          + ") or a NodeFactory class name, or a base scenario", "nothing");
    }
    Scenario d = b.build();
    b.name(r.text(root, "name", base != null && !root.has("name") ? d.name() : defaultName));
    b.seed(r.longValue(root, "seed", d.seed()));
    b.nodes(r.intValue(root, "nodes", d.nodes()));
    b.bug(r.text(root, "bug", d.bug()));
    b.duration(r.duration(root, "duration", d.duration()));
    b.quiet(r.duration(root, "quiet", d.quiet()));
    b.finals(r.duration(root, "finals", d.finals()));

    JsonNode net = r.table(root, "network", NETWORK);
    b.latency(r.latency(net, "network.latency", "latency", d.latency()));
    b.clientLatency(r.latency(net, "network.client-latency", "client-latency", d.clientLatency()));
    b.loss(r.doubleValue(net, "loss", d.loss()));
    if (net != null && net.has("links")) {
      List<String> links = r.strings(net, "links");
      for (String l : links) {
        try {
          LinkRule.parse(l, r.intValue(root, "nodes", d.nodes()));
        } catch (IllegalArgumentException e) {
          throw r.error("network.links", e.getMessage(), l);
        }
      }
      b.links(links);
    }

    JsonNode w = r.table(root, "workload", WORKLOAD);
    b.workload(r.text(w, "name", d.workload()));
    if (!Workloads.names().contains(b.build().workload())) {
      throw r.error("workload.name", "expected one of " + Workloads.names(), b.build().workload());
    }
    b.keys(r.intValue(w, "keys", d.keys()));
    b.keyDistribution(r.text(w, "key-distribution", d.keyDistribution()));
    b.opsPerKey(r.intValue(w, "ops-per-key", d.opsPerKey()));
    b.opsPerTxn(r.intValue(w, "ops-per-txn", d.opsPerTxn()));
    b.bank(r.intValue(w, "accounts", d.accounts()), r.longValue(w, "total", d.total()));

    JsonNode c = r.table(root, "clients", CLIENTS);
    ClientSettings cs = d.clients();
    b.clients(new ClientSettings(r.intValue(c, "concurrency", cs.concurrency()),
        r.doubleValue(c, "rate", cs.rate()), r.duration(c, "timeout", cs.timeout()),
        r.duration(c, "retry", cs.retry())));
    if (c != null && c.has("idle")) {
      try {
        b.clients(b.build().clients().withIdle(r.ints(c, "idle")));
      } catch (IllegalArgumentException e) {
        throw new DataError(source, 0, 0, -1, e.getMessage());
      }
    }

    JsonNode live = r.table(root, "liveness", LIVENESS);
    b.liveness(new madjep.sim.workload.LivenessSettings(r.duration(live, "window", d.liveness().window()),
        r.intValue(live, "min-ops", d.liveness().minOps()),
        live != null && live.has("degraded") ? r.strings(live, "degraded") : d.liveness().degraded(),
        r.text(live, "degraded-targets", d.liveness().degradedTargets())));

    JsonNode f = r.table(root, "faults", FAULTS);
    FaultSettings fs = d.faults();
    b.faultMode(r.text(f, "mode", d.faultMode()));
    boolean regionNamed = false;
    if (f != null && f.has("kinds")) {
      EnumSet<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
      for (String k : r.strings(f, "kinds")) {
        regionNamed |= k.equals(FaultKind.REGION.label());
        try {
          kinds.addAll(FaultKind.parse(List.of(k)));
        } catch (IllegalArgumentException e) {
          throw r.error("faults.kinds", e.getMessage(), k);
        }
      }
      fs = fs.withKinds(kinds);
    }
    fs = fs.withInterval(r.duration(f, "interval", fs.interval()));
    if (f != null && f.has("partitions")) {
      fs = fs.withPartitions(r.strings(f, "partitions"));
    }
    if (f != null && f.has("targets")) {
      fs = fs.withTargets(r.strings(f, "targets"));
    }
    fs = fs.withClock(r.duration(f, "max-bump", fs.maxBump()), r.longValue(f, "max-drift-ppm", fs.maxDriftPpm()));
    Latency delay = fs.delay();
    if (f != null && f.has("delay")) {
      String t = r.text(f, "delay", "none");
      delay = t.equals("none") ? null : r.latency(f, "faults.delay", "delay", null);
    }
    fs = fs.withPackets(r.doubleValue(f, "loss", fs.loss()), r.doubleValue(f, "duplicate", fs.duplicate()),
        r.doubleValue(f, "reorder", fs.reorder()), r.duration(f, "reorder-bound", fs.reorderBound()), delay);
    b.faults(fs);

    List<Schedule> extra = new ArrayList<>();
    if (f != null && f.has("steps")) {
      List<Step> steps = new ArrayList<>();
      for (String s : r.strings(f, "steps")) {
        try {
          steps.add(Step.parse(s));
        } catch (IllegalArgumentException e) {
          throw r.error("faults.steps", e.getMessage(), s);
        }
      }
      extra.add(new Schedule.Steps(steps));
    }
    if (f != null && f.has("triggers")) {
      for (String s : r.strings(f, "triggers")) {
        String[] t = s.trim().split("\\s+");
        if (t.length != 3 || !List.of("kill", "stop", "pause", "isolate").contains(t[1])) {
          throw r.error("faults.triggers", "expected 'EVENT ACTION DURATION' such as 'leader kill 2s', with "
              + "ACTION kill, stop, pause or isolate", s);
        }
        extra.add(new Schedule.Trigger(t[0], t[1], parseDuration(r, "faults.triggers", t[2])));
      }
    }
    if (f != null && f.has("phases")) {
      List<Schedule.Phase> phases = new ArrayList<>();
      for (String s : r.strings(f, "phases")) {
        String[] t = s.trim().split("\\s+");
        if (t.length != 2 || !List.of("none", "mix").contains(t[1])) {
          throw r.error("faults.phases", "expected 'DURATION none|mix' such as '10s mix'", s);
        }
        phases.add(new Schedule.Phase(parseDuration(r, "faults.phases", t[0]),
            t[1].equals("mix") ? new Schedule.Mix() : new Schedule.None()));
      }
      extra.add(new Schedule.Phases(phases));
    }
    b.environment(EnvironmentFiles.read(root, r, d.environment()));
    if (extra.isEmpty()) {
      b.schedule(d.schedule());
    } else {
      b.schedule(extra.size() == 1 ? extra.get(0) : new Schedule.All(extra));
    }
    Scenario s = b.build();
    ScenarioCheck.require(s);
    if (regionNamed && s.environment().regions().names().size() < 2) {
      // "all" skips region faults in one place; naming them there would leave them silently inert.
      throw r.error("faults.kinds", "expected [regions] with two regions or more for region faults",
          s.environment().regions().names().toString());
    }
    Systems.factory(s);
    Workloads.of(s);
    return s;
  }

  private static long parseDuration(Reader r, String key, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw r.error(key, "expected a duration such as 2s", text);
    }
  }

  /** The scenario, fully resolved (seed included), as TOML that {@link #read} reads back to an equal scenario. */
  public static String toToml(Scenario s) {
    StringBuilder sb = new StringBuilder();
    sb.append("# MadJep scenario, fully resolved: running it again gives the same run.\n");
    kv(sb, "name", q(s.name()));
    kv(sb, "seed", Long.toString(s.seed()));
    kv(sb, "nodes", Integer.toString(s.nodes()));
    if (!s.system().bundled() && !s.system().name().equals(s.system().factory().getClass().getName())) {
      sb.append("# The system was given in Java; a file can only name it by a NodeFactory class.\n");
    }
    kv(sb, "system", q(s.system().name()));
    kv(sb, "bug", q(s.bug()));
    kv(sb, "duration", q(Durations.format(s.duration())));
    kv(sb, "quiet", q(Durations.format(s.quiet())));
    kv(sb, "finals", q(Durations.format(s.finals())));
    sb.append("\n[network]\n");
    kv(sb, "latency", q(s.latency().describe()));
    kv(sb, "client-latency", q(s.clientLatency().describe()));
    kv(sb, "loss", num(s.loss()));
    kv(sb, "links", list(s.links()));
    sb.append("\n[workload]\n");
    kv(sb, "name", q(s.workload()));
    kv(sb, "keys", Integer.toString(s.keys()));
    kv(sb, "key-distribution", q(s.keyDistribution()));
    kv(sb, "ops-per-key", Integer.toString(s.opsPerKey()));
    kv(sb, "ops-per-txn", Integer.toString(s.opsPerTxn()));
    kv(sb, "accounts", Integer.toString(s.accounts()));
    kv(sb, "total", Long.toString(s.total()));
    sb.append("\n[clients]\n");
    kv(sb, "concurrency", Integer.toString(s.clients().concurrency()));
    kv(sb, "rate", num(s.clients().rate()));
    kv(sb, "timeout", q(Durations.format(s.clients().timeout())));
    kv(sb, "retry", q(Durations.format(s.clients().retry())));
    if (!s.clients().idle().isEmpty()) {
      kv(sb, "idle", s.clients().idle().toString());
    }
    sb.append("\n[liveness]\n");
    kv(sb, "window", q(Durations.format(s.liveness().window())));
    kv(sb, "min-ops", Integer.toString(s.liveness().minOps()));
    kv(sb, "degraded", list(s.liveness().degraded()));
    kv(sb, "degraded-targets", q(s.liveness().degradedTargets()));
    FaultSettings f = s.faults();
    sb.append("\n[faults]\n");
    kv(sb, "mode", q(s.faultMode()));
    if (s.faultMode().equals("none") && s.schedule() instanceof Schedule.Steps) {
      sb.append("# Only the steps below run: kinds, interval, partitions, targets and clock limits are unused;\n"
          + "# packet faults take their rates from loss, duplicate, reorder, reorder-bound and delay.\n");
    }
    List<String> kinds = new ArrayList<>();
    for (FaultKind k : f.orderedKinds()) {
      kinds.add(k.label());
    }
    kv(sb, "kinds", list(kinds));
    kv(sb, "interval", q(Durations.format(f.interval())));
    kv(sb, "partitions", list(f.partitions()));
    kv(sb, "targets", list(f.targets()));
    kv(sb, "max-bump", q(Durations.format(f.maxBump())));
    kv(sb, "max-drift-ppm", Long.toString(f.maxDriftPpm()));
    kv(sb, "loss", num(f.loss()));
    kv(sb, "duplicate", num(f.duplicate()));
    kv(sb, "reorder", num(f.reorder()));
    kv(sb, "reorder-bound", q(Durations.format(f.reorderBound())));
    kv(sb, "delay", q(f.delay() == null ? "none" : f.delay().describe()));
    writeSchedule(sb, s.schedule());
    EnvironmentFiles.write(sb, s.environment());
    return sb.toString();
  }

  private static void writeSchedule(StringBuilder sb, Schedule sch) {
    List<String> steps = new ArrayList<>();
    List<String> triggers = new ArrayList<>();
    List<String> phases = new ArrayList<>();
    List<Schedule> todo = new ArrayList<>(List.of(sch));
    for (int i = 0; i < todo.size(); i++) {
      Schedule x = todo.get(i);
      if (x instanceof Schedule.All a) {
        todo.addAll(a.schedules());
      } else if (x instanceof Schedule.Steps st) {
        for (Step step : st.steps()) {
          steps.add(step.describe());
        }
      } else if (x instanceof Schedule.Trigger t) {
        triggers.add(t.event() + " " + t.action() + " " + Durations.format(t.undoAfter()));
      } else if (x instanceof Schedule.Phases p) {
        for (Schedule.Phase ph : p.phases()) {
          phases.add(Durations.format(ph.duration()) + " " + ph.schedule().describe());
        }
      }
    }
    if (!steps.isEmpty()) {
      kv(sb, "steps", list(steps));
    }
    if (!triggers.isEmpty()) {
      kv(sb, "triggers", list(triggers));
    }
    if (!phases.isEmpty()) {
      kv(sb, "phases", list(phases));
    }
  }

  static void kv(StringBuilder sb, String k, String v) {
    sb.append(k).append(" = ").append(v).append('\n');
  }

  static String q(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
  }

  static String list(List<String> xs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < xs.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(q(xs.get(i)));
    }
    return sb.append(']').toString();
  }

  /** Typed access to the tree with errors that name the file and key. */
  static final class Reader {
    final String source;
    /** Put before every key an error names, such as {@code storage.}. */
    final String prefix;

    Reader(String source) {
      this(source, "");
    }

    private Reader(String source, String prefix) {
      this.source = source;
      this.prefix = prefix;
    }

    /** A reader of table {@code table}, whose errors name keys as {@code table.key}. */
    Reader in(String table) {
      return new Reader(source, table + ".");
    }

    /** The tables read so far, by node: a key inside one is named with its table ({@code faults.mode}). */
    private final java.util.Map<JsonNode, String> tables = new java.util.IdentityHashMap<>();

    private String path(JsonNode table, String key) {
      return key.indexOf('.') >= 0 ? key : tables.getOrDefault(table, "") + key;
    }

    DataError error(String key, String expected, Object found) {
      return new DataError(source, 0, 0, -1, prefix + key + ": " + expected + ", found '" + found + "'");
    }

    void known(JsonNode node, String prefix, List<String> keys) {
      if (node == null) {
        return;
      }
      if (!node.isObject()) {
        throw error(prefix.isEmpty() ? "(top)" : prefix, "expected a table", node);
      }
      Iterator<String> it = node.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        if (!keys.contains(k)) {
          throw error(prefix + k, "expected one of " + keys, k);
        }
      }
    }

    JsonNode table(JsonNode root, String key, List<String> keys) {
      JsonNode n = root.get(key);
      known(n, key + ".", keys);
      if (n != null) {
        tables.put(n, key + ".");
      }
      return n;
    }

    String text(JsonNode n, String key, String dflt) {
      if (n == null || !n.has(key)) {
        return dflt;
      }
      JsonNode v = n.get(key);
      if (!v.isTextual()) {
        throw error(path(n, key), "expected a string", v);
      }
      return v.asText();
    }

    int intValue(JsonNode n, String key, int dflt) {
      long v = longValue(n, key, dflt);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw error(path(n, key), "expected an integer of at most " + Integer.MAX_VALUE, v);
      }
      return (int) v;
    }

    long longValue(JsonNode n, String key, long dflt) {
      if (n == null || !n.has(key)) {
        return dflt;
      }
      JsonNode v = n.get(key);
      if (!v.canConvertToLong() || !v.isIntegralNumber()) {
        throw error(path(n, key), "expected an integer", v);
      }
      return v.asLong();
    }

    double doubleValue(JsonNode n, String key, double dflt) {
      if (n == null || !n.has(key)) {
        return dflt;
      }
      JsonNode v = n.get(key);
      if (!v.isNumber()) {
        throw error(path(n, key), "expected a number", v);
      }
      return v.asDouble();
    }

    long duration(JsonNode n, String key, long dflt) {
      String t = text(n, key, null);
      if (t == null) {
        return dflt;
      }
      try {
        return Durations.parse(t);
      } catch (IllegalArgumentException e) {
        throw error(path(n, key), "expected a duration such as 250ms or 2s", t);
      }
    }

    Latency latency(JsonNode n, String fullKey, String key, Latency dflt) {
      String t = text(n, key, null);
      if (t == null) {
        return dflt;
      }
      try {
        return Latency.parse(t);
      } catch (IllegalArgumentException e) {
        throw error(fullKey, e.getMessage(), t);
      }
    }

    List<Integer> ints(JsonNode n, String key) {
      JsonNode v = n.get(key);
      List<Integer> out = new ArrayList<>();
      if (v.isArray()) {
        for (JsonNode x : v) {
          if (!x.isIntegralNumber() || !x.canConvertToInt()) {
            throw error(key, "expected a list of integers", v);
          }
          out.add(x.asInt());
        }
        return out;
      }
      throw error(key, "expected a list of integers", v);
    }

    List<String> strings(JsonNode n, String key) {
      JsonNode v = n.get(key);
      if (!v.isArray()) {
        throw error(path(n, key), "expected a list of strings", v);
      }
      List<String> out = new ArrayList<>();
      for (JsonNode x : v) {
        if (!x.isTextual()) {
          throw error(path(n, key), "expected a list of strings", v);
        }
        out.add(x.asText());
      }
      return out;
    }
  }
}
