package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The module arrows of DESIGN.md, read from the reactor's POMs: cli -> harness -> {sim-runtime, checkers};
 * systems -> sim-runtime; junit -> harness; no module's code depends on cli (only {@code corpus}'s tests run it, as
 * a user would); sim-runtime depends on no system, and its code names none.
 */
class ModuleArrowsTest {
  private static final Path ROOT = Path.of("..");
  private static final java.util.regex.Pattern RAFT = java.util.regex.Pattern.compile("(?i)\\braft");
  /** A row of README's modules table: its first cell names the module. */
  private static final java.util.regex.Pattern TABLE_ROW = java.util.regex.Pattern.compile("^\\| `([a-z-]+)` \\|");

  /** Modules whose main code may depend on these modules of ours only. */
  private static final Map<String, Set<String>> ONLY = Map.of(
      "history-format", Set.of(),
      "checker-linear", Set.of("history-format"),
      "checker-txn", Set.of("history-format"),
      "sim-runtime", Set.of("history-format"),
      "report", Set.of("history-format", "checker-txn"),
      "systems", Set.of("sim-runtime", "history-format"));

  /** Modules that nothing's main code may depend on. */
  private static final Set<String> LEAVES = Set.of("cli", "corpus", "benchmarks");

  /** Modules that must not depend on these. */
  private static final Map<String, Set<String>> NEVER = Map.of(
      "harness", Set.of("systems", "junit"),
      "junit", Set.of("systems"));

  private static Document pom(Path p) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(p.toFile());
  }

  private static String text(Element e, String tag) {
    NodeList l = e.getElementsByTagName(tag);
    return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
  }

  private static List<String> modules() throws Exception {
    List<String> out = new ArrayList<>();
    NodeList l = pom(ROOT.resolve("pom.xml")).getElementsByTagName("module");
    for (int i = 0; i < l.getLength(); i++) {
      out.add(l.item(i).getTextContent().trim());
    }
    return out;
  }

  /** Module -> our modules its main code depends on (compile, runtime or provided scope); and test-only ones. */
  private static Map<String, Set<String>> arrows(boolean tests) throws Exception {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String m : modules()) {
      Set<String> deps = new TreeSet<>();
      Element project = pom(ROOT.resolve(m).resolve("pom.xml")).getDocumentElement();
      NodeList l = project.getElementsByTagName("dependency");
      for (int i = 0; i < l.getLength(); i++) {
        Element d = (Element) l.item(i);
        Node parent = d.getParentNode().getParentNode();
        if (parent != project || !"dev.madjep".equals(text(d, "groupId"))) {
          continue; // dependencyManagement or plugin dependencies, or not ours
        }
        boolean test = "test".equals(text(d, "scope"));
        if (test == tests) {
          deps.add(text(d, "artifactId"));
        }
      }
      out.put(m, deps);
    }
    return out;
  }

  @Test
  void reactor_mainDependencies_pointOneWay() throws Exception {
    Map<String, Set<String>> arrows = arrows(false);
    assertTrue(arrows.keySet().containsAll(List.of("sim-runtime", "systems", "harness", "cli")), arrows.toString());
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : arrows.entrySet()) {
      for (String d : e.getValue()) {
        if (LEAVES.contains(d)) {
          wrong.add(e.getKey() + " -> " + d + " (nothing depends on " + d + ")");
        }
        if (ONLY.containsKey(e.getKey()) && !ONLY.get(e.getKey()).contains(d)) {
          wrong.add(e.getKey() + " -> " + d + " (" + e.getKey() + " may depend on " + ONLY.get(e.getKey()) + ")");
        }
        if (NEVER.getOrDefault(e.getKey(), Set.of()).contains(d)) {
          wrong.add(e.getKey() + " -> " + d);
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(arrows.get("harness").containsAll(List.of("sim-runtime", "checker-linear", "checker-txn")));
    assertTrue(arrows.get("cli").contains("harness"), "cli goes through the harness");
    assertTrue(arrows.get("junit").contains("harness"), "junit goes through the harness");
  }

  @Test
  void reactor_testDependencies_onlyCorpusRunsTheCli() throws Exception {
    for (Map.Entry<String, Set<String>> e : arrows(true).entrySet()) {
      if (!e.getKey().equals("corpus")) {
        assertTrue(!e.getValue().contains("cli"), e.getKey() + "'s tests depend on cli");
      }
    }
  }

  @Test
  void simRuntime_code_namesNoSystem() throws IOException {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("sim-runtime/src/main"))) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          String t = lines.get(i).trim();
          boolean comment = t.startsWith("*") || t.startsWith("/*") || t.startsWith("//") || t.startsWith("#");
          if (!comment && (RAFT.matcher(t).find() || t.contains("madjep.systems"))) {
            hits.add(f + ":" + (i + 1) + ": " + t);
          }
        }
      }
    }
    assertEquals(List.of(), hits);
  }

  /** README's "Modules" table, which a reader takes as the map of the reactor, names every module and no other. */
  @Test
  void readmeModulesTable_namesEveryReactorModule() throws Exception {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int at = lines.indexOf("## Modules");
    assertTrue(at >= 0, "README.md has no \"## Modules\" section");
    Set<String> named = new TreeSet<>();
    for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      java.util.regex.Matcher m = TABLE_ROW.matcher(lines.get(i));
      if (m.find()) {
        named.add(m.group(1));
      }
    }
    assertEquals(new TreeSet<>(modules()), named);
  }
}
