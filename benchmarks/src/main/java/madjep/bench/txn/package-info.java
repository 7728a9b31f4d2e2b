/** JMH benchmarks of the transactional checker: reading, checking, huge-scc, and the 1M-transaction end to end. */
package madjep.bench.txn;
