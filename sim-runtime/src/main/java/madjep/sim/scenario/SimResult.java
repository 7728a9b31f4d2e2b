package madjep.sim.scenario;

import madjep.history.History;
import madjep.sim.workload.CheckSpec;

/**
 * What a run produced: the history, the trace, how the run went, and which checker the history needs.
 *
 * @param scenario the scenario, fully resolved (seed included)
 * @param history every client op and fault
 * @param trace the timeline in words
 * @param check the checker the workload names
 * @param events events run
 * @param eventHash the running hash of every event
 * @param simulated virtual nanoseconds simulated
 * @param faultsDescription the fault settings in effect (swarm's draw, when swarm mode)
 * @param stats counters: messages sent/dropped/duplicated, ops, crashed ops, lost writes
 * @param observations assertions, fault points, per-server metrics and what storage and resource faults did
 */
public record SimResult(
    Scenario scenario,
    History history,
    String trace,
    CheckSpec check,
    long events,
    long eventHash,
    long simulated,
    String faultsDescription,
    java.util.Map<String, Long> stats,
    Observations observations) {}
