/**
 * Dependency graphs over transactions and the search for cycles in them: {@link madjep.txn.graph.Digraph} (CSR
 * arrays, one relationship bitmask per edge), {@link madjep.txn.graph.Scc} (iterative Tarjan), and {@link
 * madjep.txn.graph.CycleSearch}, which finds, per strongly connected component, the worst cycle anomalies first;
 * {@link madjep.txn.graph.ValueSlots} and {@link madjep.txn.graph.KeyValueMap} index (key, value) pairs without boxing.
 */
package madjep.txn.graph;
