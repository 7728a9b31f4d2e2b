package madjep.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated method once per seed of {@link #seeds()}, each seed a JUnit test of its own (madsim's {@code
 * #[madsim::test]} for Java). The method takes a {@link SimSeed} and hands it a scenario:
 *
 * <pre>{@code
 * @SimTest(seeds = "1..200")
 * void staysLinearizable(SimSeed sim) {
 *   sim.check(Scenario.builder("pb").system(new PrimaryBackup()).build());
 * }
 * }</pre>
 *
 * <p>{@link SimSeed#check} runs the scenario with this invocation's seed, checks it with the checker its workload
 * names, and fails the test unless it is valid: the message holds the verdict sentence, the store directory written
 * for that seed, and the exact command that replays it.
 *
 * <p>Overrides, as madsim's {@code MADSIM_TEST_SEED}, {@code _NUM} and {@code _CHECK_DETERMINISM}: a system
 * property (or JUnit configuration parameter), else an environment variable.
 *
 * <ul>
 *   <li>{@code madjep.test.seed} / {@code MADJEP_TEST_SEED}: run only this seed (replay one failure);
 *   <li>{@code madjep.test.seeds} / {@code MADJEP_TEST_SEEDS}: another range, such as {@code 1..10000};
 *   <li>{@code madjep.test.num} / {@code MADJEP_TEST_NUM}: this many seeds from the range's first;
 *   <li>{@code madjep.test.checkDeterminism} / {@code MADJEP_TEST_CHECK_DETERMINISM}: run every seed twice and
 *       compare every event first;
 *   <li>{@code madjep.test.store} / {@code MADJEP_TEST_STORE}: where stores of failing seeds go;
 *   <li>{@code madjep.test.shrink} / {@code MADJEP_TEST_SHRINK}: {@code true} (or a time budget such as {@code 2m})
 *       shrinks each failing seed and writes {@code shrunk.toml} into its store directory; without it, the failure
 *       message gives the command that does.
 * </ul>
 *
 * <p>Seeds run in parallel under JUnit's parallel execution: nothing here is shared between invocations.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(SimTestExtension.class)
public @interface SimTest {
  /** The seeds, inclusive: {@code 1..50}. */
  String seeds() default "1..20";

  /** Run every seed twice and compare every event before checking it. */
  boolean checkDeterminism() default false;

  /** Where the stores of seeds that are not valid go, relative to the working directory. */
  String store() default "target/madjep-store";
}
