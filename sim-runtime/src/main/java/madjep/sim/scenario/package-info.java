/**
 * Scenarios and runs. A {@link madjep.sim.scenario.Scenario} (Java builder, or TOML/YAML through {@link
 * madjep.sim.scenario.ScenarioFiles}) fixes topology, system, workload, clients, faults and duration; with its seed
 * it fixes the run. {@link madjep.sim.scenario.SimRunner} runs one (pure: no I/O, no wall clock) and returns a
 * {@link madjep.sim.scenario.SimResult}; {@link madjep.sim.scenario.Bundled} holds the scenarios {@code madjep sim
 * list} shows.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder("my-run").seed(42).workload("list-append").duration(Durations.s(30)).build();
 * SimResult r = SimRunner.run(s);
 * HistoryWriter.write(r.history(), HistoryFormat.EDN, Path.of("history.edn"));
 * }</pre>
 */
package madjep.sim.scenario;
