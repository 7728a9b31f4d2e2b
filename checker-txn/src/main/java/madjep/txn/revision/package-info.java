/**
 * The etcd revision check for list-append histories whose transactions report revisions: {@link
 * madjep.txn.revision.RevisionChecker#check} reads each committed transaction's {@code :revision} and the {@code
 * :mod-revisions} of the keys it read (extra fields of its completion, as an etcd client records them), finds which
 * transaction wrote each version it saw (the order of each key's list, as Elle infers it), and checks that every
 * write has one revision that all nodes agree on, that no two writes share one, that revisions grow along each key's
 * order (serializable) and along real time (strict serializable). The result is a {@link
 * madjep.txn.revision.RevisionResult}; a history with no revisions answers unknown.
 *
 * <pre>{@code
 * RevisionResult r = RevisionChecker.check(history);
 * if (r.valid() == Verdict.INVALID) {
 *   r.anomalies().forEach(a -> System.out.println(a.explanation()));
 * }
 * }</pre>
 */
package madjep.txn.revision;
