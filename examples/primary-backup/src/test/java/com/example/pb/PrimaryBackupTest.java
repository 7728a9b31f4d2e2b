package com.example.pb;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.history.Verdict;
import madjep.junit.SimSeed;
import madjep.junit.SimTest;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The store under every kind of fault MadJep has (partitions, crashes, stops, pauses, clock jumps, packet loss,
 * duplication and reordering, clogs), a fault step every second on average, checked as a linearizable register per
 * key, with liveness after healing.
 */
class PrimaryBackupTest {
  static Scenario scenario(PrimaryBackup system) {
    return Scenario.builder("primary-backup").system(system).nodes(3).duration(Durations.s(10))
        .faults(FaultSettings.standard().withInterval(Durations.s(1))).build();
  }

  /** Each seed is a test of its own; a failure names the seed, the store and the command that replays it. */
  @SimTest(seeds = "1..200")
  void fixed_everySeed_linearizableAndLive(SimSeed sim) {
    sim.check(scenario(new PrimaryBackup()));
  }

  @Test
  void ackBeforeBackup_caughtWithin20Seeds() throws IOException {
    for (long seed = 1; seed <= 20; seed++) {
      Run run = Harness.defaults().run(scenario(new PrimaryBackup(true)).withSeed(seed), "seed " + seed);
      if (run.verdict() == Verdict.INVALID) {
        System.out.println("ack-before-backup caught at seed " + seed + ": " + run.summary());
        return;
      }
    }
    fail("the ack-before-backup bug survived 20 seeds");
  }
}
