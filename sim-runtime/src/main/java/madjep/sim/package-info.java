/**
 * A deterministic discrete-event simulator: one thread, virtual time in nanoseconds, and one seed that fixes every
 * choice through a tree of {@link java.util.SplittableRandom} streams ({@link madjep.sim.Streams}).
 *
 * <p>The core: {@link madjep.sim.Simulation} (the event loop, node lifecycle: crash, stop, restart, pause, resume),
 * {@link madjep.sim.Node} and {@link madjep.sim.NodeContext} (what a system under test may do: messages, timers,
 * {@link madjep.sim.Rpc} requests with timeouts, its wall and monotonic clocks, its {@link madjep.sim.SimDisk}),
 * {@link madjep.sim.Network} (latency from {@link madjep.sim.Latency} distributions, partitions, loss, duplication,
 * bounded reordering, clogging), {@link madjep.sim.SimDisk} (write, fsync; a crash loses or tears unsynced writes at
 * sector granularity), {@link madjep.sim.HistoryRecorder} (Jepsen histories) and {@link
 * madjep.sim.DeterminismCheck} (run twice, compare every event).
 *
 * <h2>Testing your own system: the node rules and the client protocol</h2>
 *
 * <p>A system under test is any {@link madjep.sim.NodeFactory}: {@code create(id)} makes the volatile state of server
 * {@code id} (0 is {@code n1}) at each boot. A crash throws that object away; a restart asks the factory again, and
 * the new node finds only what reached its {@link madjep.sim.SimDisk} through {@code fsync}. One factory serves every
 * run of a scenario, and sweeps run seeds in parallel: keep no state in the factory.
 *
 * <p><b>Client ops.</b> MadJep's clients send each op as an {@link madjep.sim.Rpc.Request} whose body is a {@link
 * madjep.sim.workload.ClientOp} (Jepsen's {@code :f} and {@code :value}, and the client's process). A node answers
 * with {@link madjep.sim.NodeContext#reply} and a {@link madjep.sim.workload.ClientReply}:
 *
 * <ul>
 *   <li>{@code Ok(value)}: the op took effect; {@code value} is the completed op's value, reads filled in ({@code
 *       :read [k nil]} answers {@code [k v]}, or {@code [k nil]} when the key has no value: a read of nil is judged
 *       as "no value", so a store that drops writes cannot pass);
 *   <li>{@code Fail(value, error)}: the op certainly did not take effect (a cas whose old value did not match);
 *   <li>{@code NotLeader(hint)}: this node does not serve clients; the op did not take effect. The client retries at
 *       {@code hint} (a server id, or -1 to try the next server) after the scenario's retry delay, until the op's
 *       timeout.
 * </ul>
 *
 * <p>No answer by the op's timeout makes the op {@code :info} (it may or may not have happened), and the client goes
 * on as a new process. The network may lose, duplicate, delay and reorder requests and replies: a request can arrive
 * twice, so a system that must not apply an op twice deduplicates by (client, {@code request.id()}). {@link
 * madjep.sim.workload.OpMachine} is the sequential meaning of every workload's ops, ready to replicate. Each
 * completion in the history carries {@code :node}, the server that answered it.
 *
 * <p><b>Your own client side.</b> When one request to one node is not how the system's clients work (a CURP client
 * sends each command to the leader and to every witness at once and completes on a super-quorum of acceptances; an
 * etcd client runs a transaction as a read and then a write guarded on what it read), the factory also implements
 * {@link madjep.sim.workload.ClientProtocol}: each client thread then gets a {@link madjep.sim.workload.ClientSession}
 * that receives the workload's ops and reports each one's end ({@code ok}, {@code fail} or {@code info}, with extra
 * fields such as {@code :node} or an etcd {@code :revision}) through its {@code Outcome}. It talks to the nodes with
 * the same {@link madjep.sim.NodeContext} a node has; messages sent to the client's endpoint arrive at {@code
 * receive}, its timers at {@code timer}. The driver keeps the op timeout: past it the op is {@code :info}, the
 * session is told to {@code abandon} it, and late reports are dropped.
 *
 * <p><b>Announcements.</b> {@link madjep.sim.NodeContext#announce}{@code ("leader", term)} tells the fault schedules
 * who leads: {@code primaries} targets and partitions, and {@code leader} triggers ({@code triggers = ["leader kill
 * 2s"]}) act on the node that announced last; the trace and a violation's explanation name the last leaders.
 *
 * <p><b>What a node must never do.</b> Read the wall clock or sleep ({@link madjep.sim.NodeContext#now()} and {@link
 * madjep.sim.NodeContext#monotonic()} are its clocks, {@link madjep.sim.NodeContext#setTimer} its waits), start
 * threads or block, draw unseeded randomness ({@link madjep.sim.NodeContext#random()} is its stream), do real I/O
 * (its disk is {@link madjep.sim.NodeContext#disk()}), share state with other nodes except through messages, or let
 * hash order or identity hashes decide anything. Any of these makes a seed replay differently; {@code madjep sim run
 * --check-determinism} (or {@code madjep.test.checkDeterminism=true} under {@code @SimTest}) finds the first event
 * where two runs differ. A node that throws stops the run: the failure is the system's ({@code node-exception}),
 * reported with the seed, time, node, incarnation, exception and the trace before it. So does a system that keeps
 * virtual time from moving (a timer re-armed with no delay, for ever): after some 16 million events at one instant
 * the run stops with "virtual time stood still", naming the endpoint whose event was next. A handler that never
 * returns (an endless loop) is not caught: the run's progress line stops moving.
 *
 * <p><b>After the faults.</b> When the main phase ends every fault heals, and within the liveness window every
 * client must complete an op again; then the workload's final ops run.
 *
 * <p>Contract of this module: nothing in it reads the wall clock, draws unseeded randomness, starts threads or lets
 * hash order or identity hashes decide anything; the forbiddenapis check of the build enforces the API part. Faults
 * live in {@code madjep.sim.nemesis}, workloads and clients in {@code madjep.sim.workload}, scenarios and runs in
 * {@code madjep.sim.scenario}. The simulator knows no system under test by name: bundled systems live in their own
 * module and register through {@link madjep.sim.scenario.SystemProvider}.
 */
package madjep.sim;
