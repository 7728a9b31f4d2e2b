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
 * @param failure what a node threw, which stopped the run; null when none did
 * @param liveness whether every client was served again once faults healed; null when the check is off or the run
 *     stopped early
 * @param coverage what each kind of fault did
 * @param announcements what nodes announced (leaders, ...), in order
 * @param observations assertions, fault points and per-server metrics
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
    madjep.sim.NodeFailure failure,
    madjep.sim.workload.LivenessReport liveness,
    FaultCoverage coverage,
    java.util.List<Announcement> announcements,
    Observations observations) {}
