/**
 * JMH benchmarks of every hot path, one package per module, plus the machine {@link madjep.bench.Calibration} and the
 * planted {@link madjep.bench.Slowdown} that {@code madjep bench} (package {@code madjep.bench.tool}) uses to
 * compare runs and to test its regression gate. Every benchmark's answer is asserted by a test.
 */
package madjep.bench;
