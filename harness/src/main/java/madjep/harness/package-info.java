/**
 * The harness between the command line (or a JUnit test, or a user's code) and the rest: {@link
 * madjep.harness.Harness} runs a scenario of any system, checks its history with the checker its workload names
 * ({@link madjep.harness.Checkers}) and writes Jepsen's store layout ({@link madjep.harness.StoreWriter}, the one
 * writer of names, links and temporary files); {@link madjep.harness.Sweep} does it for many seeds in parallel
 * without holding them in memory; {@link madjep.harness.StoredRun} reads a stored run back.
 *
 * <p>Contract: nothing here prints or chooses exit codes (the CLI does); every run that is not valid comes with the
 * command that replays it.
 */
package madjep.harness;
