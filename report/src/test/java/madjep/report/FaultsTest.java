package madjep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.io.HistoryReader;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static History read(String edn) throws java.io.IOException {
    return HistoryReader.read(new java.io.ByteArrayInputStream(edn.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "<test>", null);
  }

  @Test
  void partitionFromGrudge_labelledWithItsGroups_untilStopPartition() throws Exception {
    History h = read("""
        {:index 0 :time 0 :type :invoke :process 0 :f :read :value nil}
        {:index 1 :time 100 :type :info :process :nemesis :f :start-partition :value :halves}
        {:index 2 :time 100 :type :info :process :nemesis :f :start-partition :value [:isolated {"n1" ["n2" "n3" "n5"], "n2" ["n1" "n4"], "n3" ["n1" "n4"], "n4" ["n2" "n3" "n5"], "n5" ["n1" "n4"]}]}
        {:index 3 :time 500 :type :info :process :nemesis :f :stop-partition :value nil}
        {:index 4 :time 500 :type :info :process :nemesis :f :stop-partition :value :network-healed}
        {:index 5 :time 900 :type :ok :process 0 :f :read :value nil}
        """);
    Faults f = new Faults(h, new Axis(h));
    assertEquals(1, f.bands.size());
    Faults.Band b = f.bands.get(0);
    assertEquals("partition", b.kind());
    assertEquals("n1 n4 | n2 n3 n5", b.label());
    assertEquals(100, b.start());
    assertEquals(500, b.end());
    assertTrue(b.healed());
  }

  @Test
  void ringGrudge_isNoCleanSplit_labelledAsAsked() {
    Object ring = Edn.parse("[:isolated {\"n1\" [\"n3\"], \"n2\" [\"n4\"], \"n3\" [\"n1\"], \"n4\" [\"n2\"]}]");
    assertEquals("n1 n2 | n3 n4", Faults.partitionLabel(null, Edn.parse(
        "[:isolated {\"n1\" [\"n3\" \"n4\"], \"n2\" [\"n3\" \"n4\"], \"n3\" [\"n1\" \"n2\"], \"n4\" [\"n1\" \"n2\"]}]")));
    assertEquals("partition :majorities-ring", Faults.partitionLabel(Edn.parse(":majorities-ring"), ring));
  }

  @Test
  void killAndPause_bandsPerNode_closedByStartAndResume_openOnesRunToTheEnd() throws Exception {
    History h = read("""
        {:index 0 :time 0 :type :info :process :nemesis :f :kill :value :one}
        {:index 1 :time 0 :type :info :process :nemesis :f :kill :value ["n2"]}
        {:index 2 :time 50 :type :info :process :nemesis :f :pause :value :minority}
        {:index 3 :time 50 :type :info :process :nemesis :f :pause :value ["n1" "n3"]}
        {:index 4 :time 80 :type :info :process :nemesis :f :start :value :all}
        {:index 5 :time 80 :type :info :process :nemesis :f :start :value ["n2"]}
        {:index 6 :time 120 :type :info :process :nemesis :f :bump-clock :value :one}
        {:index 7 :time 120 :type :info :process :nemesis :f :bump-clock :value {"n4" 250}}
        {:index 8 :time 200 :type :info :process :nemesis :f :resume :value :all}
        {:index 9 :time 200 :type :info :process :nemesis :f :resume :value ["n1" "n3"]}
        """);
    Faults f = new Faults(h, new Axis(h));
    assertEquals(List.of("n1", "n2", "n3", "n4"), f.nodes);
    assertEquals(4, f.bands.size(), f.bands.toString());
    Faults.Band down = f.bands.stream().filter(b -> b.kind().equals("down")).findFirst().orElseThrow();
    assertEquals("n2", down.node());
    assertEquals(80, down.end());
    assertEquals(2, f.bands.stream().filter(b -> b.kind().equals("paused") && b.end() == 200).count());
    Faults.Band clock = f.bands.stream().filter(b -> b.kind().equals("clock")).findFirst().orElseThrow();
    assertEquals("n4", clock.node());
    assertFalse(clock.healed(), "never reset: in effect to the end");
    assertEquals(200, clock.end());
  }

  @Test
  void jepsenClassicStartStop_isOneNemesisBand() throws Exception {
    History h = read("""
        {:index 0 :time 10 :type :info :process :nemesis :f :start :value nil}
        {:index 1 :time 11 :type :info :process :nemesis :f :start :value "Cut off {:n1 #{:n2}}"}
        {:index 2 :time 90 :type :info :process :nemesis :f :stop :value nil}
        {:index 3 :time 91 :type :info :process :nemesis :f :stop :value "fully connected"}
        """);
    Faults f = new Faults(h, new Axis(h));
    assertEquals(1, f.bands.size());
    assertEquals("fault", f.bands.get(0).kind());
    assertEquals(0, f.bands.get(0).start());
    assertEquals(80, f.bands.get(0).end());
  }

  @Test
  void compareNames_numbersInOrder() {
    List<String> names = new java.util.ArrayList<>(List.of("n10", "n2", "n1"));
    names.sort(Faults::compareNames);
    assertEquals(List.of("n1", "n2", "n10"), names);
  }

  @Test
  void withoutLeadingZeros_isTheRegularExpressionItReplaced() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    String digits = "000123456789\u0660\u0661";
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int n = r.nextInt(8), k = 0; k < n; k++) {
        b.append(digits.charAt(r.nextInt(digits.length())));
      }
      String d = b.toString();
      assertEquals(d.replaceFirst("^0+(?=.)", ""), Faults.withoutLeadingZeros(d), d);
    }
    assertEquals(List.of("n1", "n2", "n010"), java.util.stream.Stream.of("n010", "n2", "n1")
        .sorted(Faults::compareNames).toList());
  }
}
