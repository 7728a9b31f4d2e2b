/** Deterministic discrete-event simulator with Jepsen's fault toolkit, workloads and history recording. */
package madjep.sim;
