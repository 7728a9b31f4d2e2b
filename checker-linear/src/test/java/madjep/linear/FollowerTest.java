package madjep.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A history read while it is recorded ({@link LinearizabilityChecker#follow}) is partitioned exactly as the whole
 * history is split, and checked to the same answer: differential, against {@link Partitioner#split}, over every
 * model's random histories and over long independent register histories recorded the way a simulation records them
 * (crashed clients replaced, nemesis ops, ops never completed), fed in prefixes of random lengths.
 */
class FollowerTest {
  private static final Keyword READ = Keyword.of("read");
  private static final Keyword WRITE = Keyword.of("write");
  private static final Keyword CAS = Keyword.of("cas");

  static List<String> models() {
    return RandomHistories.MODELS;
  }

  /** {@code h} again, op by op, handing {@code follower} a prefix at random points. */
  private static History recordFollowing(History h, LinearizabilityChecker.Follower follower, SplittableRandom r) {
    HistoryBuilder b = new HistoryBuilder("followed");
    for (int i = 0; i < h.size(); i++) {
      b.add(h.op(i));
      if (r.nextInt(4) == 0) {
        follower.soFar(b.prefix());
      }
    }
    if (r.nextBoolean()) {
      follower.soFar(b.prefix());
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void randomHistories_followedAndSplitWhole_sameAnswer(String model) {
    int followed = 0;
    for (int i = 0; i < 600; i++) {
      RandomHistories.Case c = RandomHistories.generate(model, 77_000L + i);
      SplittableRandom r = new SplittableRandom(i);
      Model m = c.newModel();
      LinearizabilityOptions o = LinearizabilityOptions.defaults().withIndependent(c.independent()).withThreads(1);
      LinearizabilityChecker.Follower f = LinearizabilityChecker.follow(m, o);
      History whole = recordFollowing(c.history(), f, r);
      followed += samePartitions(whole, m, o, f) ? 1 : 0;
      assertSameResult(LinearizabilityChecker.check(whole, m, o), LinearizabilityChecker.check(whole, m, o, f), c);
    }
    // Models without keys of their own are read ahead; kv's and multi-register's keys (Model#partitionKeys) make
    // the check split the history whole.
    if (!model.equals("kv") && !model.equals("multi-register")) {
      assertEquals(600, followed, model);
    }
  }

  @Test
  void longIndependentRegisterHistories_followed_partitionAndCheckAsWhole() {
    for (int seed = 1; seed <= 40; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      History h = simulatedRegister(r, 3_000, 8, seed % 3 == 0);
      Model m = Models.byName("cas-register");
      LinearizabilityOptions o = LinearizabilityOptions.defaults().withIndependent(true).withThreads(1 + seed % 2)
          .withNilReads(seed % 2 == 0 ? LinearizabilityOptions.NilReads.NO_VALUE
              : LinearizabilityOptions.NilReads.UNKNOWN);
      LinearizabilityChecker.Follower f = LinearizabilityChecker.follow(m, o);
      History whole = recordFollowing(h, f, r);
      assertTrue(samePartitions(whole, m, o, f), "seed " + seed + ": not read ahead");
      assertSameResult(LinearizabilityChecker.check(whole, m, o), LinearizabilityChecker.check(whole, m, o, f),
          "seed " + seed);
    }
  }

  @Test
  void timeOrder_followed_sameRanksAsWhole() {
    SplittableRandom r = new SplittableRandom(5);
    History h = simulatedRegister(r, 2_000, 6, false);
    Model m = Models.byName("cas-register");
    LinearizabilityOptions o = LinearizabilityOptions.defaults().withIndependent(true)
        .withRealTime(LinearizabilityOptions.RealTime.TIME);
    LinearizabilityChecker.Follower f = LinearizabilityChecker.follow(m, o);
    History whole = recordFollowing(h, f, r);
    assertTrue(samePartitions(whole, m, o, f));
  }

  @Test
  void badValue_followed_sameErrorAsWhole() {
    HistoryBuilder b = new HistoryBuilder("bad");
    b.add(Op.invoke(0, "write", EdnVector.of(1L, 2L)));
    b.add(Op.ok(0, "write", EdnVector.of(1L, 2L)));
    b.add(Op.invoke(1, "write", "not a tuple"));
    Model m = Models.byName("cas-register");
    LinearizabilityOptions o = LinearizabilityOptions.defaults().withIndependent(true);
    LinearizabilityChecker.Follower f = LinearizabilityChecker.follow(m, o);
    f.soFar(b.prefix());
    b.add(Op.ok(1, "write", "not a tuple"));
    f.soFar(b.prefix());
    History whole = b.build();
    DataError plain = assertThrows(DataError.class, () -> LinearizabilityChecker.check(whole, m, o));
    DataError read = assertThrows(DataError.class, () -> LinearizabilityChecker.check(whole, m, o, f));
    assertEquals(plain.getMessage(), read.getMessage());
  }

  @Test
  void followerOfOtherOptions_ignored_historySplitWhole() {
    SplittableRandom r = new SplittableRandom(9);
    History h = simulatedRegister(r, 500, 4, false);
    Model m = Models.byName("cas-register");
    LinearizabilityOptions o = LinearizabilityOptions.defaults().withIndependent(true);
    LinearizabilityChecker.Follower f = LinearizabilityChecker.follow(m, o.withThreads(3));
    History whole = recordFollowing(h, f, r);
    assertSameResult(LinearizabilityChecker.check(whole, m, o), LinearizabilityChecker.check(whole, m, o, f), "");
  }

  /**
   * Whether the follower read the history ahead ({@link Partitioner#finish} gave partitions, which must then be
   * exactly those of {@link Partitioner#split}), or declined (null). Finishes the follower's partitioner, so the
   * check that follows splits the history whole: the two ways are compared here and by their results.
   */
  private static boolean samePartitions(History whole, Model m, LinearizabilityOptions o,
      LinearizabilityChecker.Follower f) {
    Model effective = o.nilReads() == LinearizabilityOptions.NilReads.NO_VALUE && m instanceof CompiledModel cm
        ? cm.withNoValueReads() : m;
    List<PartitionOps> read = f.partitioner().finish(whole, o.realTime());
    if (read == null) {
      return false;
    }
    List<PartitionOps> split = Partitioner.split(whole, effective, o.independent(), o.realTime());
    assertEquals(split.size(), read.size(), "partitions");
    for (int p = 0; p < split.size(); p++) {
      PartitionOps a = split.get(p);
      PartitionOps b = read.get(p);
      assertEquals(a.key, b.key, "key of partition " + p);
      assertEquals(a.required, b.required, "required of partition " + p);
      assertTrue(Arrays.equals(a.invoke, b.invoke), "invocations of partition " + p);
      assertTrue(Arrays.equals(a.complete, b.complete), "completions of partition " + p);
      assertTrue(Arrays.equals(a.f, b.f), "functions of partition " + p);
      assertTrue(Arrays.equals(a.value, b.value), "values of partition " + p);
      assertTrue(Arrays.equals(a.callAt, b.callAt), "call order of partition " + p);
      assertTrue(Arrays.equals(a.returnAt, b.returnAt), "return order of partition " + p);
    }
    return true;
  }

  private static void assertSameResult(LinearizabilityResult a, LinearizabilityResult b, Object what) {
    assertEquals(a.verdict(), b.verdict(), String.valueOf(what));
    assertEquals(a.cause(), b.cause(), String.valueOf(what));
    assertEquals(a.ops(), b.ops(), String.valueOf(what));
    assertEquals(a.partitions(), b.partitions(), String.valueOf(what));
    assertEquals(a.toData(), b.toData(), String.valueOf(what));
    if (a.failure() != null) {
      assertNotNull(b.failure());
      assertEquals(a.failure().explanation(), b.failure().explanation(), String.valueOf(what));
    } else {
      assertNull(b.failure());
    }
  }

  /**
   * A register history over independent keys as a simulation records it: clients that crash ({@code :info}) are
   * replaced by a new process, some ops fail, a nemesis logs its own ops, and ops still open at the end never
   * complete. Reads return random values, so many keys are not linearizable. Times are 10 apart.
   */
  private static History simulatedRegister(SplittableRandom r, int ops, int clients, boolean nilReads) {
    HistoryBuilder b = new HistoryBuilder("simulated");
    long[] process = new long[clients];
    Object[] open = new Object[clients];
    Keyword[] openF = new Keyword[clients];
    for (int c = 0; c < clients; c++) {
      process[c] = c;
    }
    long nextProcess = clients;
    long key = 0;
    int onKey = 0;
    for (int n = 0; n < ops; n++) {
      if (r.nextInt(40) == 0) {
        b.add(new Op(-1, 10L * b.size(), OpType.INFO, Keyword.of("nemesis"), Keyword.of("start"), null, null, null));
      }
      int c = r.nextInt(clients);
      if (open[c] == null) {
        if (++onKey > 30) {
          key++;
          onKey = 0;
        }
        long k = key - r.nextInt((int) Math.min(3, key + 1));
        Keyword f = switch (r.nextInt(3)) {
          case 0 -> READ;
          case 1 -> WRITE;
          default -> CAS;
        };
        Object v = f == READ ? null : f == WRITE ? EdnParser.box(r.nextInt(4))
            : EdnVector.of(EdnParser.box(r.nextInt(4)), EdnParser.box(r.nextInt(4)));
        open[c] = EdnVector.of(EdnParser.box(k), v);
        openF[c] = f;
        b.add(Op.of(OpType.INVOKE, process[c], f.name(), open[c]).withTime(10L * b.size()));
      } else {
        EdnVector inv = (EdnVector) open[c];
        int fate = r.nextInt(10);
        if (fate == 0) {
          b.add(Op.of(OpType.INFO, process[c], openF[c].name(), inv).withTime(10L * b.size()));
          process[c] = nextProcess++;
        } else if (fate == 1) {
          b.add(Op.of(OpType.FAIL, process[c], openF[c].name(), inv).withTime(10L * b.size()));
        } else {
          Object v = openF[c] == READ
              ? EdnVector.of(inv.get(0), nilReads && r.nextInt(5) == 0 ? null : EdnParser.box(r.nextInt(4)))
              : inv;
          b.add(Op.of(OpType.OK, process[c], openF[c].name(), v).withTime(10L * b.size()));
        }
        open[c] = null;
      }
    }
    return b.build();
  }
}
