/**
 * One self-contained HTML page per run or history ({@code report.html}): the verdict, its cause and explanation at
 * the top; a timeline of client ops in lanes (one per concurrent client thread, as Jepsen's timeline reuses them)
 * under the faults of the {@code :nemesis} ops and the leaders the nodes announced; the violation marked and
 * scrolled into view, with linearizability's longest linearizable prefix and the states the failing op cannot
 * follow, or Elle's cycles drawn as graphs with labelled edges and explained step by step; latency and throughput
 * plots; and the run's scenario, seed, replay command and fault coverage.
 *
 * <p>Input: a {@link madjep.history.History}, the checker's result as EDN data (the map its {@code toData()}
 * returns, or a store's {@code results.edn}), and optionally {@link madjep.report.RunInfo}. The page needs no
 * network: styles, script and plots (inline SVG) are all inside it. Its size is bounded: past {@value
 * madjep.report.HtmlReport#DRAWN_OPS} client ops the timeline and plots aggregate or sample, while the violation's
 * neighbourhood is always drawn op by op. Rendering is deterministic: the same input gives the same bytes.
 */
package madjep.report;
