/**
 * Jepsen's nemesis inside the simulator. {@link madjep.sim.nemesis.Nemesis} applies faults (partitions of Jepsen's
 * shapes from {@link madjep.sim.nemesis.Grudges}, kill, graceful stop, restart, pause, clock bumps and drift, packet
 * loss/duplication/reordering/delay, clogs) and records each as a {@code :nemesis} {@code :info} op pair; {@link
 * madjep.sim.nemesis.Schedule}s decide when (random start/stop cycles, explicit {@link madjep.sim.nemesis.Step}s,
 * phases, steps triggered by what nodes announce); {@link madjep.sim.nemesis.Swarm} lets the seed pick the faults
 * and their rates.
 */
package madjep.sim.nemesis;
