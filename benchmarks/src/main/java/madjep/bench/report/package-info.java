/**
 * JMH benchmarks of the report module: the page of a long history, whole and in the two steps a simulated run's
 * store takes (the history-only part while the run is checked, then the page).
 */
package madjep.bench.report;
