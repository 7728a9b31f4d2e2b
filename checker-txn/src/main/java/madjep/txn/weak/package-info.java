/**
 * Read committed, read atomic and transactional causal consistency as Cerone et al. (CONCUR 2015), Biswas and Enea
 * (OOPSLA 2019), Plume (OOPSLA 2024) and AWDIT (2025) define them, session order included, decided completely for
 * list-append and unique-write rw-register histories. {@link madjep.txn.weak.WeakIsolation#check} is the entry point;
 * {@link madjep.txn.TxnChecker} calls it when the models asked for include {@code session-read-committed}, {@code
 * session-read-atomic} or {@code transactional-causal}.
 *
 * <p>A history satisfies a level when some total commit order of its committed transactions (every :ok one, and every
 * :info one whose write a read observed; an :info transaction nobody observed is taken as not committed, which is
 * never less permissive) extends session order (each process's :ok transactions in order) and what each read
 * observed, and each read returns the state given by the transactions visible to it, in that order: for a register
 * the last visible write, for a list every visible append. Visibility must contain session order and what the reads
 * observed: per read and growing within the transaction (read committed), per transaction (read atomic), and closed
 * under causality (causal). The checks compute the least visibility each read must have; a read that misses a write
 * visible to it, or a cycle in session order, observations, list order and the commit-order constraints that
 * visibility forces, is a violation, explained as the pattern, the transactions, and the order that breaks.
 */
package madjep.txn.weak;
