package madjep.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user's model whose step is slow, sleeps or spins cannot hold a check past its time limit: the answer is unknown
 * (Porcupine's users saw a 5-minute limit run for an hour). The {@code @Timeout}s only guard the build against a
 * hang; no test asserts how long anything takes.
 */
class SlowModelTest {
  /** A register model (as the README example writes one) whose step runs {@code slow} first. */
  private record SlowRegister(Runnable slow) implements Model {
    @Override
    public Object initialState() {
      return 0L;
    }

    @Override
    public Object step(Object state, Keyword f, Object value) {
      slow.run();
      if (f.name().equals("read")) {
        return value == null || value.equals(state) ? state : INCONSISTENT;
      }
      return value;
    }
  }

  private static History writesAndReads(int n) {
    List<String> ops = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      ops.add(p + " :invoke :write " + p);
    }
    for (int p = 0; p < n; p++) {
      ops.add(p + " :ok :write " + p);
    }
    ops.add(n + " :invoke :read nil");
    ops.add(n + " :ok :read 999");
    return Hist.of(ops);
  }

  private static LinearizabilityResult check(Model m, History h, int threads) {
    return LinearizabilityChecker.check(h, m,
        LinearizabilityOptions.defaults().withThreads(threads).withTimeout(Duration.ofMillis(300)));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void stepThatSleepsForever_unknownTimeout() {
    Model m = new SlowRegister(() -> {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    });
    LinearizabilityResult r = check(m, writesAndReads(3), 1);
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertEquals(LinearizabilityResult.Cause.TIMEOUT, r.cause());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void stepThatSpinsIgnoringInterrupts_unknownTimeout() {
    AtomicBoolean release = new AtomicBoolean();
    Model m = new SlowRegister(() -> {
      while (!release.get()) {
        Thread.onSpinWait();
      }
    });
    try {
      for (int threads = 1; threads <= 2; threads++) {
        LinearizabilityResult r = check(m, writesAndReads(3), threads);
        assertEquals(Verdict.UNKNOWN, r.verdict());
        assertEquals(LinearizabilityResult.Cause.TIMEOUT, r.cause());
      }
    } finally {
      release.set(true); // let the abandoned steps return, so their threads end
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void slowStepsOnALinearizableHistory_unknownTimeout_neverInvalid() {
    // Linearizable (the read of 1 follows the write of 1), but the model's first two steps take 200 ms each against
    // a 300 ms limit (later ones are fast, so that nothing else runs out of time). Once the limit passes the stepper
    // stops calling the model, and the search, failing on that, must answer unknown, not invalid.
    List<String> ops = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      ops.add(p + " :invoke :write " + p);
    }
    for (int p = 0; p < 3; p++) {
      ops.add(p + " :ok :write " + p);
    }
    ops.add("3 :invoke :read nil");
    ops.add("3 :ok :read 1");
    AtomicInteger calls = new AtomicInteger();
    Model m = new SlowRegister(() -> {
      if (calls.getAndIncrement() < 2) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    LinearizabilityResult r = check(m, Hist.of(ops), 1);
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertEquals(LinearizabilityResult.Cause.TIMEOUT, r.cause());
    assertEquals(Verdict.VALID, check(new SlowRegister(() -> { }), Hist.of(ops), 1).verdict());
  }

  @Test
  void fastUserModel_stillAnswers_andItsExceptionsStillSurface() {
    Model ok = new SlowRegister(() -> { });
    assertEquals(Verdict.INVALID, check(ok, writesAndReads(3), 1).verdict());
    Model throwing = new SlowRegister(() -> {
      throw new IllegalArgumentException("model bug");
    });
    // A model that throws is a data error at the op, naming the model; the model's exception is its cause.
    madjep.history.DataError e = assertThrows(madjep.history.DataError.class,
        () -> check(throwing, writesAndReads(3), 1));
    assertTrue(e.getMessage().contains("SlowRegister"), e.getMessage());
    assertEquals("model bug", e.getCause().getMessage());
  }
}
