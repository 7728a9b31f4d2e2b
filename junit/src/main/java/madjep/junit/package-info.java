/**
 * JUnit 5 for simulated runs, as madsim's {@code #[madsim::test]} is for Rust: {@link madjep.junit.SimTest} turns a
 * method into one test per seed, and {@link madjep.junit.SimSeed} runs a scenario with that seed, checks it with the
 * checker its workload names, and fails with the verdict, the store and the replay command. Overrides by system
 * property or environment variable replay one seed, change the range, or check determinism.
 *
 * <p>Any system a scenario names works, blocking-style ones ({@code sim-blocking}, JDK 21+) included: this module
 * stays Java 17 and knows none of them; a JDK 21 test module puts {@code sim-blocking} beside it on the class path.
 */
package madjep.junit;
