package madjep.txn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lattice against the reference's tables: every model's prohibited anomalies (§3.4) and boundaries (§3.5). */
class ConsistencyModelsTest {
  static Set<String> set(String... xs) {
    return new TreeSet<>(Arrays.asList(xs));
  }

  static Set<String> union(Set<String> a, String... more) {
    Set<String> s = new TreeSet<>(a);
    s.addAll(Arrays.asList(more));
    return s;
  }

  static String[] cycleExists(String... models) {
    return Arrays.stream(models).map(m -> m + "-cycle-exists").toArray(String[]::new);
  }

  static String[] variants(String suffix, String... bases) {
    return Arrays.stream(bases).map(b -> b + suffix).toArray(String[]::new);
  }

  /** The reference table of §3.4, row by row. */
  static Map<String, Set<String>> table() {
    Map<String, Set<String>> t = new LinkedHashMap<>();
    Set<String> ru = union(set("G0", "cyclic-versions", "duplicate-elements"), cycleExists("PL-1"));
    Set<String> rc = union(set("G0", "G1", "G1a", "G1b", "G1c", "cyclic-versions", "dirty-update",
        "duplicate-elements", "future-read", "incompatible-order"), cycleExists("PL-1", "PL-2"));
    Set<String> ra = union(rc, "internal");
    Set<String> ua = union(ra, "lost-update");
    Set<String> cs = union(rc, "G-cursor", "lost-update");
    Set<String> si = union(set("G-MSR", "G-SI", "G-SIb", "G-cursor", "G-monotonic", "G-nonadjacent",
        "G-nonadjacent-item", "G-single", "G-single-item", "G0", "G1", "G1a", "G1b", "G1c", "cyclic-versions",
        "dirty-update", "duplicate-elements", "future-read", "incompatible-order", "internal", "lost-update"),
        cycleExists("PL-1", "PL-2", "PL-SI"));
    Set<String> ser = union(union(si, "G-update", "G2", "G2-item", "predicate-read-miss", "write-skew"),
        cycleExists("PL-2.99", "PL-3"));
    String[] siCycles = {"G0", "G1", "G1c", "G-single", "G-single-item", "G-nonadjacent", "G-nonadjacent-item"};
    Set<String> sssi = union(union(si, variants("-process", siCycles)),
        cycleExists("strong-session-PL-1", "strong-session-PL-2", "strong-session-snapshot-isolation"));
    Set<String> strongSi = union(union(sssi, variants("-realtime", siCycles)),
        cycleExists("strong-PL-1", "strong-PL-2", "strong-snapshot-isolation"));
    Set<String> sss = union(union(ser, variants("-process", siCycles)), "G2-process", "G2-item-process");
    sss = union(sss, cycleExists("strong-session-PL-1", "strong-session-PL-2", "strong-session-snapshot-isolation",
        "strong-session-serializable"));
    String[] all = {"G0", "G1", "G1c", "G-single", "G-single-item", "G-nonadjacent", "G-nonadjacent-item", "G2",
        "G2-item"};
    Set<String> strict = union(union(union(ser, variants("-process", all)), variants("-realtime", all)),
        cycleExists("strong-session-PL-1", "strong-session-PL-2", "strong-session-snapshot-isolation",
            "strong-session-serializable", "strong-PL-1", "strong-PL-2", "strong-snapshot-isolation", "PL-SS"));
    t.put("read-uncommitted", ru);
    t.put("read-committed", rc);
    t.put("monotonic-atomic-view", rc);
    t.put("read-atomic", ra);
    t.put("causal-cerone", ra);
    t.put("prefix", ra);
    t.put("update-atomic", ua);
    t.put("parallel-snapshot-isolation", ua);
    t.put("cursor-stability", cs);
    t.put("consistent-view", union(cs, "G-monotonic", "G-single", "G-single-item"));
    t.put("repeatable-read", union(cs, "G-single-item", "G-nonadjacent-item", "G2-item", "PL-2.99-cycle-exists"));
    t.put("snapshot-isolation", si);
    t.put("serializable", ser);
    t.put("strong-session-read-committed", union(rc, "G0-process", "G1c-process", "strong-session-PL-1-cycle-exists",
        "strong-session-PL-2-cycle-exists"));
    t.put("strong-read-committed", union(rc, "G0-process", "G0-realtime", "G1c-process", "G1c-realtime",
        "strong-session-PL-1-cycle-exists", "strong-session-PL-2-cycle-exists", "strong-PL-1-cycle-exists",
        "strong-PL-2-cycle-exists"));
    t.put("strong-session-snapshot-isolation", sssi);
    t.put("strong-snapshot-isolation", strongSi);
    t.put("strong-session-serializable", sss);
    t.put("strict-serializable", strict);
    return t;
  }

  static List<String> models() {
    return new ArrayList<>(table().keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void prohibitedBy_eachModel_equalsReferenceTable(String model) {
    TreeSet<String> got = new TreeSet<>(ConsistencyModels.prohibitedBy(List.of(model)));
    // MadJep's own anomaly that implies G2 (and its -process and -realtime variants) joins what G2 joins.
    boolean g2 = got.contains("G2");
    assertEquals(g2, got.remove("unorderable-versions"), model);
    assertEquals(got.contains("G2-process"), got.remove("unorderable-versions-process"), model);
    assertEquals(got.contains("G2-realtime"), got.remove("unorderable-versions-realtime"), model);
    assertEquals(table().get(model), got);
  }

  static void boundary(String anomaly, Set<String> not) {
    assertEquals(not, ConsistencyModels.boundary(List.of(anomaly)).not(), anomaly);
  }

  @Test
  void boundary_singleAnomalies_matchReference() {
    boundary("G0", set("read-uncommitted"));
    boundary("G1a", set("read-committed"));
    for (String a : List.of("G1b", "G1c", "dirty-update", "incompatible-order", "future-read")) {
      boundary(a, set("read-committed"));
    }
    boundary("internal", set("read-atomic"));
    boundary("lost-update", set("cursor-stability", "update-atomic"));
    boundary("G-single", set("consistent-view"));
    boundary("G-single-item", set("consistent-view", "repeatable-read"));
    boundary("G-nonadjacent", set("snapshot-isolation"));
    boundary("G-nonadjacent-item", set("snapshot-isolation", "repeatable-read"));
    boundary("G2-item", set("repeatable-read"));
    boundary("G2", set("serializable"));
    boundary("cyclic-versions", set("read-uncommitted"));
    boundary("duplicate-elements", set("read-uncommitted"));
    boundary("G1c-process", set("strong-session-read-committed"));
    boundary("G-single-item-process", set("strong-session-snapshot-isolation"));
    boundary("G-single-realtime", set("strong-snapshot-isolation"));
    boundary("G-single-item-realtime", set("strong-snapshot-isolation"));
    assertEquals(set("strong-serializable"),
        ConsistencyModels.boundary(List.of("G-single-item-realtime")).alsoNot());
    boundary("G2-item-realtime", set("strong-serializable"));
    boundary("G0-realtime", set("strong-read-uncommitted"));
  }

  @Test
  void boundary_readmeG1c_alsoNotCoversElleReadme() {
    // The README example predates read-atomic, prefix and the strong-session models, so it lists fewer.
    Set<String> alsoNot = ConsistencyModels.boundary(List.of("G1c")).alsoNot();
    org.junit.jupiter.api.Assertions.assertTrue(alsoNot.containsAll(set("consistent-view", "cursor-stability", "forward-consistent-view", "monotonic-atomic-view",
        "monotonic-snapshot-read", "monotonic-view", "repeatable-read", "serializable", "snapshot-isolation",
        "strong-serializable", "strong-session-serializable", "strong-session-snapshot-isolation",
        "strong-snapshot-isolation", "update-serializable")), alsoNot.toString());
  }

  @Test
  void allAnomalies_count_isSixtyAsElleKnowsPlusMadJepsOwn() {
    java.util.List<String> elle = new java.util.ArrayList<>(ConsistencyModels.allAnomalies());
    elle.removeAll(madjep.txn.weak.WeakIsolation.TYPES);
    elle.removeAll(java.util.List.of("unorderable-versions", "unorderable-versions-process",
        "unorderable-versions-realtime"));
    assertEquals(60, elle.size(), elle.toString());
    assertEquals(63 + madjep.txn.weak.WeakIsolation.TYPES.size(), ConsistencyModels.allAnomalies().size());
  }
}
