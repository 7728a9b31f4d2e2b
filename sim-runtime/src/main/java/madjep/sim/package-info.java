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
 * <p>Contract: nothing in this module reads the wall clock, draws unseeded randomness, starts threads or lets hash
 * order or identity hashes decide anything; the forbiddenapis check of the build enforces the API part. Faults live
 * in {@code madjep.sim.nemesis}, workloads and clients in {@code madjep.sim.workload}, scenarios and runs in {@code
 * madjep.sim.scenario}. The simulator knows no system under test by name: bundled systems live in their own module
 * and register through {@link madjep.sim.scenario.SystemProvider}.
 */
package madjep.sim;
