/**
 * Scenarios and runs. A {@link madjep.sim.scenario.Scenario} (Java builder, or TOML/YAML through {@link
 * madjep.sim.scenario.ScenarioFiles}) fixes topology, system, workload, clients, faults and duration; with its seed
 * it fixes the run. {@link madjep.sim.scenario.SimRunner} runs one (pure: no I/O, no wall clock) and returns a
 * {@link madjep.sim.scenario.SimResult}. The system under test is a {@link madjep.sim.scenario.SystemUnderTest}: a
 * {@link madjep.sim.NodeFactory} given in Java or named by class in a file, or a bundled name that a {@link
 * madjep.sim.scenario.SystemProvider} found through {@link java.util.ServiceLoader} answers ({@link
 * madjep.sim.scenario.Systems}); {@link madjep.sim.scenario.Bundled} gathers the providers' scenarios for {@code
 * madjep sim list}.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder("my-run").system(new MySystem()).seed(42).workload("list-append").duration(Durations.s(30)).build();
 * SimResult r = SimRunner.run(s);
 * HistoryWriter.write(r.history(), HistoryFormat.EDN, Path.of("history.edn"));
 * }</pre>
 */
package madjep.sim.scenario;
