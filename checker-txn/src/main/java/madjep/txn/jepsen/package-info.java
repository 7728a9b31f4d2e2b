/**
 * Jepsen's standard checkers as pure functions: {@link madjep.txn.jepsen.BankChecker bank}, {@link
 * madjep.txn.jepsen.CounterChecker counter}, {@link madjep.txn.jepsen.SetChecker set}, {@link
 * madjep.txn.jepsen.SetFullChecker set-full}, {@link madjep.txn.jepsen.LongForkChecker long-fork}, {@link
 * madjep.txn.jepsen.UniqueIdsChecker unique-ids} and {@link madjep.txn.jepsen.TotalQueueChecker total-queue}.
 *
 * <p>Each checker is {@code XxxChecker.check(History[, Options]) -> XxxResult}: no I/O, no printing, no clocks. A
 * result is a record carrying its witnesses (op positions, elements, bounds) and renders itself with {@link
 * madjep.txn.jepsen.JepsenResult#toData()} as an EDN map keyed by {@link madjep.history.edn.Keyword}s that use
 * Jepsen's field names ({@code :valid?}, {@code :lost}, {@code :unexpected}, {@code :errors}, ...), so a Jepsen user
 * finds what {@code results.edn} would have shown.
 *
 * <p>Shared semantics, as Jepsen's (and DESIGN.md's): a {@code :fail} op did not happen; an {@code :info} op, or an
 * invocation that never completed, may or may not have happened; ops of named processes such as {@code :nemesis} are
 * ignored; ops without a {@code :process} are client ops. Where these checkers deliberately differ from Jepsen's
 * code, the checker's Javadoc says so. An op whose value has the wrong shape for the checker is a {@link
 * madjep.history.DataError} located at that op. {@link madjep.history.Verdict#UNKNOWN} means the history could
 * not establish a verdict (nothing was observed, or an assumption of the checker did not hold), and names why.
 *
 * <p>Example:
 *
 * <pre>{@code
 * History h = HistoryReader.read(Path.of("history.edn")).requireWellFormed();
 * CounterResult r = CounterChecker.check(h);
 * if (r.valid() == Verdict.INVALID) {
 *   System.out.println(Edn.print(r.toData()));
 * }
 * }</pre>
 */
package madjep.txn.jepsen;

import madjep.history.Verdict;
