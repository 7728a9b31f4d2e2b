package madjep.sim.scenario;

import java.util.List;
import madjep.sim.Durations;
import madjep.sim.Latency;
import madjep.sim.nemesis.Environment;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Schedule;
import madjep.sim.workload.ClientSettings;

/**
 * Everything a run depends on: with the seed, a scenario fixes the run exactly. Build one with {@link #builder(String)}
 * or read one from TOML/YAML with {@link ScenarioFiles}; {@link ScenarioFiles#toToml} writes it back fully resolved.
 *
 * @param name the scenario's name (the store directory)
 * @param seed the seed of every random choice
 * @param nodes the number of servers
 * @param system the system under test: a bundled name such as {@code raft-kv}, or a {@link madjep.sim.NodeFactory}
 * @param bug a seeded bug of a bundled system, or {@code none}
 * @param latency the latency between servers
 * @param clientLatency the latency between clients and servers
 * @param loss the share of server messages lost all run long (faults add more)
 * @param links per-link loss or latency, such as {@code n1->n2 loss 0.3}
 * @param workload register, kv, list-append, rw-register, bank, mutex, set or append (etcd-style list-append)
 * @param keys how many keys register and transactional workloads use
 * @param keyDistribution uniform or zipfian
 * @param opsPerKey register and kv workloads retire a key after this many ops and use a fresh one; list-append,
 *     rw-register and append after this many writes to it (0: never)
 * @param opsPerTxn the most micro-ops per transaction
 * @param accounts bank accounts
 * @param total the bank's total
 * @param clients concurrency, rate and timeouts of the clients
 * @param faultMode none, mix or swarm (a seed-drawn mix); explicit steps, triggers and phases add to it
 * @param faults what the mix (or swarm's base) may do
 * @param schedule extra explicit steps, triggers or phases (None when there are none)
 * @param duration how long clients run and faults happen
 * @param quiet how long after healing before final reads
 * @param finals how long final reads may take
 * @param liveness once faults heal, how soon every client must be served again
 * @param environment disks, CPUs, inboxes, memory, regions and checks, with their faults' parameters
 */
public record Scenario(
    String name,
    long seed,
    int nodes,
    SystemUnderTest system,
    String bug,
    Latency latency,
    Latency clientLatency,
    double loss,
    List<String> links,
    String workload,
    int keys,
    String keyDistribution,
    int opsPerKey,
    int opsPerTxn,
    int accounts,
    long total,
    ClientSettings clients,
    String faultMode,
    FaultSettings faults,
    Schedule schedule,
    long duration,
    long quiet,
    long finals,
    madjep.sim.workload.LivenessSettings liveness,
    Environment environment) {

  public Scenario {
    if (system == null) {
      throw new IllegalArgumentException("expected a system: .system(\"BUNDLED-NAME\"), .system(new MySystem()), "
          + "or system = \"NAME\" in a scenario file");
    }
    links = List.copyOf(links);
    for (String l : links) {
      LinkRule.parse(l, nodes);
    }
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("network.loss: expected a probability between 0 and 1, found " + loss);
    }
    if (nodes < 1 || nodes > 31) {
      throw new IllegalArgumentException("nodes: expected 1 to 31 nodes, found " + nodes);
    }
    if (duration <= 0) {
      throw new IllegalArgumentException("duration: expected a duration above 0, found " + duration + "ns");
    }
    if (liveness == null) {
      liveness = madjep.sim.workload.LivenessSettings.defaults();
    }
    if (environment == null) {
      environment = Environment.defaults();
    }
    environment.regions().place(nodes, clients.concurrency());
    if (!List.of("none", "mix", "swarm").contains(faultMode)) {
      throw new IllegalArgumentException("faults.mode: expected none, mix or swarm, found '" + faultMode + "'");
    }
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder starting from this scenario. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.seed = seed;
    b.nodes = nodes;
    b.system = system;
    b.bug = bug;
    b.latency = latency;
    b.clientLatency = clientLatency;
    b.loss = loss;
    b.links = links;
    b.workload = workload;
    b.keys = keys;
    b.keyDistribution = keyDistribution;
    b.opsPerKey = opsPerKey;
    b.opsPerTxn = opsPerTxn;
    b.accounts = accounts;
    b.total = total;
    b.clients = clients;
    b.faultMode = faultMode;
    b.faults = faults;
    b.schedule = schedule;
    b.duration = duration;
    b.quiet = quiet;
    b.finals = finals;
    b.liveness = liveness;
    b.environment = environment;
    return b;
  }

  public Scenario withSeed(long s) {
    return toBuilder().seed(s).build();
  }

  /**
   * Builds scenarios in Java. Every setting has a default (five nodes, the register workload, the standard fault mix,
   * 20 s) except the system under test, which {@link #system} must name.
   */
  public static final class Builder {
    private String name;
    private long seed = 0;
    private int nodes = 5;
    private SystemUnderTest system;
    private String bug = "none";
    private Latency latency = new Latency.Uniform(Durations.US * 200, Durations.MS * 2);
    private Latency clientLatency = new Latency.Uniform(Durations.US * 100, Durations.US * 500);
    private double loss = 0;
    private List<String> links = List.of();
    private String workload = "register";
    private int keys = 10;
    private String keyDistribution = "uniform";
    private int opsPerKey = 300;
    private int opsPerTxn = 4;
    private int accounts = 5;
    private long total = 100;
    private ClientSettings clients = ClientSettings.defaults();
    private String faultMode = "mix";
    private FaultSettings faults = FaultSettings.standard();
    private Schedule schedule = new Schedule.None();
    private long duration = Durations.s(20);
    private long quiet = Durations.s(2);
    private long finals = Durations.s(5);
    private madjep.sim.workload.LivenessSettings liveness = madjep.sim.workload.LivenessSettings.defaults();
    private Environment environment = Environment.defaults();

    Builder(String name) {
      this.name = name;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder nodes(int v) {
      nodes = v;
      return this;
    }

    /** A bundled system by name ({@code raft-kv}), or a NodeFactory class name that a scenario file resolved. */
    public Builder system(String v) {
      system = SystemUnderTest.named(v);
      return this;
    }

    /** The user's own system: any {@link madjep.sim.NodeFactory}, named after its class in reports. */
    public Builder system(madjep.sim.NodeFactory v) {
      system = SystemUnderTest.of(v);
      return this;
    }

    /** The user's own system, with the name reports show. */
    public Builder system(String name, madjep.sim.NodeFactory v) {
      system = new SystemUnderTest(name, v);
      return this;
    }

    public Builder system(SystemUnderTest v) {
      system = v;
      return this;
    }

    public Builder bug(String v) {
      bug = v;
      return this;
    }

    public Builder latency(Latency v) {
      latency = v;
      return this;
    }

    public Builder clientLatency(Latency v) {
      clientLatency = v;
      return this;
    }

    public Builder loss(double v) {
      loss = v;
      return this;
    }

    public Builder links(List<String> v) {
      links = v;
      return this;
    }

    public Builder workload(String v) {
      workload = v;
      return this;
    }

    public Builder keys(int v) {
      keys = v;
      return this;
    }

    public Builder keyDistribution(String v) {
      keyDistribution = v;
      return this;
    }

    public Builder opsPerKey(int v) {
      opsPerKey = v;
      return this;
    }

    public Builder opsPerTxn(int v) {
      opsPerTxn = v;
      return this;
    }

    public Builder bank(int accountCount, long totalAmount) {
      accounts = accountCount;
      total = totalAmount;
      return this;
    }

    public Builder clients(ClientSettings v) {
      clients = v;
      return this;
    }

    public Builder clients(int concurrency, double rate) {
      clients = new ClientSettings(concurrency, rate, clients.timeout(), clients.retry());
      return this;
    }

    public Builder faultMode(String v) {
      faultMode = v;
      return this;
    }

    public Builder faults(FaultSettings v) {
      faults = v;
      return this;
    }

    public Builder schedule(Schedule v) {
      schedule = v;
      return this;
    }

    public Builder duration(long v) {
      duration = v;
      return this;
    }

    public Builder quiet(long v) {
      quiet = v;
      return this;
    }

    public Builder finals(long v) {
      finals = v;
      return this;
    }

    /** After the main phase, how soon every client must be served again ({@link madjep.sim.workload.LivenessSettings#off()}: never). */
    public Builder liveness(madjep.sim.workload.LivenessSettings v) {
      liveness = v;
      return this;
    }

    /** Disks, CPUs, inboxes, memory, regions and checks, with their faults' parameters. */
    public Builder environment(Environment v) {
      environment = v;
      return this;
    }

    public Scenario build() {
      return new Scenario(name, seed, nodes, system, bug, latency, clientLatency, loss, links, workload, keys,
          keyDistribution, opsPerKey,
          opsPerTxn, accounts, total, clients, faultMode, faults, schedule, duration, quiet, finals, liveness,
          environment);
    }
  }
}
