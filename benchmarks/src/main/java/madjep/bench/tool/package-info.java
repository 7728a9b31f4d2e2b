/**
 * {@code madjep bench}: the benchmark history. {@code run} measures a suite (JMH benchmarks, plus the whole
 * {@code madjep} process for cold starts) and writes one JSON file per run with the machine, JDK, commit, date and
 * load; given a baseline jar it interleaves the two builds' forks in one sitting. {@code compare} gives each
 * benchmark's ratio with a bootstrap confidence interval and exits 1 on a regression beyond a threshold.
 * {@code trend} draws every benchmark across the recorded runs as SVG.
 *
 * <p>This lives in the benchmarks jar, not in the {@code madjep} jar: JMH and its forks stay out of the user-facing
 * command's class path and start-up, and no module depends on {@code cli}. The {@code ./madjep} launcher passes
 * {@code bench ...} to {@link madjep.bench.tool.BenchTool}.
 */
package madjep.bench.tool;
