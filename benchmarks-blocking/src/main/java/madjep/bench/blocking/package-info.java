/** JMH benchmarks of blocking-style nodes (module sim-blocking, JDK 21+): task switches and whole runs. */
package madjep.bench.blocking;
