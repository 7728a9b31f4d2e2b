package madjep.sim.scenario;

import static madjep.sim.scenario.ScenarioFiles.kv;
import static madjep.sim.scenario.ScenarioFiles.list;
import static madjep.sim.scenario.ScenarioFiles.num;
import static madjep.sim.scenario.ScenarioFiles.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import madjep.history.DataError;
import madjep.sim.Durations;
import madjep.sim.Latency;
import madjep.sim.nemesis.CheckSettings;
import madjep.sim.nemesis.Environment;
import madjep.sim.nemesis.RegionSettings;
import madjep.sim.nemesis.ResourceSettings;
import madjep.sim.nemesis.StorageSettings;

/**
 * The {@code [storage]}, {@code [resources]}, {@code [regions]} and {@code [checks]} tables of scenario files: read
 * (every key optional, unknown keys refused) and written back in full.
 */
final class EnvironmentFiles {
  private EnvironmentFiles() {}

  private static final List<String> STORAGE = List.of("read-latency", "write-latency", "fsync-latency", "capacity",
      "atlas", "atlas-f", "atlas-region", "read-flip", "read-error", "misdirect", "fsync-failure", "slow-factor",
      "slow-unit");
  private static final List<String> RESOURCES = List.of("event-cost", "slow-unit", "slow-factor", "inbox-limit",
      "memory-budget", "memory-pressure", "restart-delay");
  private static final List<String> REGIONS = List.of("names", "nodes", "clients", "rtt", "jitter", "degrade-loss",
      "degrade-delay");
  private static final List<String> CHECKS = List.of("metrics-interval", "invariant-interval", "buggify-activation",
      "buggify-fire");

  static Environment read(JsonNode root, ScenarioFiles.Reader r, Environment d) {
    return new Environment(storage(r.table(root, "storage", STORAGE), r.in("storage"), d.storage()),
        resources(r.table(root, "resources", RESOURCES), r.in("resources"), d.resources()),
        regions(r.table(root, "regions", REGIONS), r.in("regions"), d.regions()),
        checks(r.table(root, "checks", CHECKS), r.in("checks"), d.checks()));
  }

  private static StorageSettings storage(JsonNode t, ScenarioFiles.Reader r, StorageSettings d) {
    if (t == null) {
      return d;
    }
    try {
      return new StorageSettings(optionalLatency(t, r, "read-latency", "read-latency", d.readLatency()),
          optionalLatency(t, r, "write-latency", "write-latency", d.writeLatency()),
          optionalLatency(t, r, "fsync-latency", "fsync-latency", d.fsyncLatency()),
          longOr(t, r, "capacity", "unlimited", Long.MAX_VALUE, d.capacity()),
          r.text(t, "atlas", d.atlas()),
          (int) Math.max(-2, Math.min(Integer.MAX_VALUE, longOr(t, r, "atlas-f", "minority", -1, d.atlasF()))),
          intValue(t, r, "atlas-region", d.atlasRegion()),
          r.doubleValue(t, "read-flip", d.readFlip()),
          r.doubleValue(t, "read-error", d.readError()),
          r.doubleValue(t, "misdirect", d.misdirect()),
          r.doubleValue(t, "fsync-failure", d.fsyncFailure()),
          r.doubleValue(t, "slow-factor", d.slowFactor()),
          r.duration(t, "slow-unit", d.slowUnit()));
    } catch (IllegalArgumentException e) {
      throw new DataError(r.source, 0, 0, -1, "storage: " + e.getMessage());
    }
  }

  private static ResourceSettings resources(JsonNode t, ScenarioFiles.Reader r, ResourceSettings d) {
    if (t == null) {
      return d;
    }
    try {
      return new ResourceSettings(optionalLatency(t, r, "event-cost", "event-cost", d.eventCost()),
          r.duration(t, "slow-unit", d.slowUnit()),
          r.doubleValue(t, "slow-factor", d.slowFactor()),
          intValue(t, r, "inbox-limit", d.inboxLimit()),
          r.longValue(t, "memory-budget", d.memoryBudget()),
          r.doubleValue(t, "memory-pressure", d.memoryPressure()),
          r.duration(t, "restart-delay", d.restartDelay()));
    } catch (IllegalArgumentException e) {
      throw new DataError(r.source, 0, 0, -1, "resources: " + e.getMessage());
    }
  }

  private static RegionSettings regions(JsonNode t, ScenarioFiles.Reader r, RegionSettings d) {
    if (t == null) {
      return d;
    }
    try {
      return new RegionSettings(t.has("names") ? r.strings(t, "names") : d.names(),
          placement(t, r, "nodes", d.nodes()), placement(t, r, "clients", d.clients()),
          t.has("rtt") ? r.strings(t, "rtt") : d.rtt(),
          r.doubleValue(t, "jitter", d.jitter()),
          r.doubleValue(t, "degrade-loss", d.degradeLoss()),
          r.latency(t, "degrade-delay", "degrade-delay", d.degradeDelay()));
    } catch (IllegalArgumentException e) {
      throw new DataError(r.source, 0, 0, -1, "regions: " + e.getMessage());
    }
  }

  private static CheckSettings checks(JsonNode t, ScenarioFiles.Reader r, CheckSettings d) {
    if (t == null) {
      return d;
    }
    try {
      return new CheckSettings(r.duration(t, "metrics-interval", d.metricsInterval()),
          r.duration(t, "invariant-interval", d.invariantInterval()),
          r.doubleValue(t, "buggify-activation", d.buggifyActivation()),
          r.doubleValue(t, "buggify-fire", d.buggifyFire()));
    } catch (IllegalArgumentException e) {
      throw new DataError(r.source, 0, 0, -1, "checks: " + e.getMessage());
    }
  }

  /** An integer that fits an int (0 to {@link Integer#MAX_VALUE}). */
  private static int intValue(JsonNode t, ScenarioFiles.Reader r, String key, int dflt) {
    long v = r.longValue(t, key, dflt);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw r.error(key, "expected an integer from 0 to " + Integer.MAX_VALUE, v);
    }
    return (int) v;
  }

  /** A latency, or {@code "none"} for null. */
  private static Latency optionalLatency(JsonNode t, ScenarioFiles.Reader r, String fullKey, String key,
      Latency dflt) {
    if (!t.has(key)) {
      return dflt;
    }
    return "none".equals(r.text(t, key, null)) ? null : r.latency(t, fullKey, key, dflt);
  }

  /** An integer, or the word {@code word} standing for {@code wordValue}. */
  private static long longOr(JsonNode t, ScenarioFiles.Reader r, String key, String word, long wordValue, long dflt) {
    if (t.has(key) && t.get(key).isTextual()) {
      if (!t.get(key).asText().equals(word)) {
        throw r.error(key, "expected an integer or \"" + word + "\"", t.get(key).asText());
      }
      return wordValue;
    }
    return r.longValue(t, key, dflt);
  }

  /** A list of region names, or {@code "spread"} (an empty list: dealt out in turn). */
  private static List<String> placement(JsonNode t, ScenarioFiles.Reader r, String key, List<String> dflt) {
    if (!t.has(key)) {
      return dflt;
    }
    if (t.get(key).isTextual()) {
      if (!t.get(key).asText().equals("spread")) {
        throw r.error(key, "expected a list of region names or \"spread\"", t.get(key).asText());
      }
      return List.of();
    }
    return r.strings(t, key);
  }

  static void write(StringBuilder sb, Environment env) {
    StorageSettings st = env.storage();
    sb.append("\n[storage]\n");
    kv(sb, "read-latency", q(describe(st.readLatency())));
    kv(sb, "write-latency", q(describe(st.writeLatency())));
    kv(sb, "fsync-latency", q(describe(st.fsyncLatency())));
    kv(sb, "capacity", st.capacity() == Long.MAX_VALUE ? q("unlimited") : Long.toString(st.capacity()));
    kv(sb, "atlas", q(st.atlas()));
    kv(sb, "atlas-f", st.atlasF() < 0 ? q("minority") : Integer.toString(st.atlasF()));
    kv(sb, "atlas-region", Integer.toString(st.atlasRegion()));
    kv(sb, "read-flip", num(st.readFlip()));
    kv(sb, "read-error", num(st.readError()));
    kv(sb, "misdirect", num(st.misdirect()));
    kv(sb, "fsync-failure", num(st.fsyncFailure()));
    kv(sb, "slow-factor", num(st.slowFactor()));
    kv(sb, "slow-unit", q(Durations.format(st.slowUnit())));
    ResourceSettings rs = env.resources();
    sb.append("\n[resources]\n");
    kv(sb, "event-cost", q(describe(rs.eventCost())));
    kv(sb, "slow-unit", q(Durations.format(rs.slowUnit())));
    kv(sb, "slow-factor", num(rs.slowFactor()));
    kv(sb, "inbox-limit", Integer.toString(rs.inboxLimit()));
    kv(sb, "memory-budget", Long.toString(rs.memoryBudget()));
    kv(sb, "memory-pressure", num(rs.memoryPressure()));
    kv(sb, "restart-delay", q(Durations.format(rs.restartDelay())));
    RegionSettings rg = env.regions();
    sb.append("\n[regions]\n");
    kv(sb, "names", list(rg.names()));
    kv(sb, "nodes", rg.nodes().isEmpty() ? q("spread") : list(rg.nodes()));
    kv(sb, "clients", rg.clients().isEmpty() ? q("spread") : list(rg.clients()));
    kv(sb, "rtt", list(rg.rtt()));
    kv(sb, "jitter", num(rg.jitter()));
    kv(sb, "degrade-loss", num(rg.degradeLoss()));
    kv(sb, "degrade-delay", q(rg.degradeDelay().describe()));
    CheckSettings c = env.checks();
    sb.append("\n[checks]\n");
    kv(sb, "metrics-interval", q(Durations.format(c.metricsInterval())));
    kv(sb, "invariant-interval", q(Durations.format(c.invariantInterval())));
    kv(sb, "buggify-activation", num(c.buggifyActivation()));
    kv(sb, "buggify-fire", num(c.buggifyFire()));
  }

  private static String describe(Latency l) {
    return l == null ? "none" : l.describe();
  }
}
