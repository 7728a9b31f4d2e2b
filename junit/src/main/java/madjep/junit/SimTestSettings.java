package madjep.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import madjep.harness.Seeds;

/**
 * The settings of one {@link SimTest} method: its annotation, overridden by system properties (or JUnit configuration
 * parameters), else environment variables.
 */
record SimTestSettings(Seeds seeds, boolean checkDeterminism, Path store, boolean replaying, Duration shrink) {
  static final String SEED = "madjep.test.seed";
  static final String SEEDS = "madjep.test.seeds";
  static final String NUM = "madjep.test.num";
  static final String CHECK_DETERMINISM = "madjep.test.checkDeterminism";
  static final String STORE = "madjep.test.store";
  static final String SHRINK = "madjep.test.shrink";
  /** How long a failing seed may shrink when {@code madjep.test.shrink} is {@code true} rather than a time. */
  static final Duration SHRINK_BUDGET = Duration.ofMinutes(5);

  /** {@code madjep.test.checkDeterminism} -> {@code MADJEP_TEST_CHECK_DETERMINISM}. */
  static String envName(String property) {
    return property.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** Reads the settings; {@code parameter} looks a name up in JUnit's configuration parameters. */
  static SimTestSettings of(SimTest a, Function<String, Optional<String>> parameter,
      Function<String, String> env) {
    Function<String, String> get = name -> parameter.apply(name).or(() -> Optional.ofNullable(env.apply(
        envName(name)))).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    Seeds seeds = range(SEEDS, get.apply(SEEDS) != null ? get.apply(SEEDS) : a.seeds());
    String num = get.apply(NUM);
    if (num != null) {
      long n = number(NUM, num);
      if (n < 1) {
        throw new IllegalArgumentException(NUM + ": expected at least 1 seed, found " + num);
      }
      seeds = Seeds.range(seeds.from(), Math.addExact(seeds.from(), n - 1));
    }
    String one = get.apply(SEED);
    boolean replaying = one != null;
    if (replaying) {
      long s = number(SEED, one);
      seeds = Seeds.range(s, s);
    }
    String det = get.apply(CHECK_DETERMINISM);
    boolean check = det == null ? a.checkDeterminism() : Boolean.parseBoolean(det) || det.equals("1");
    String store = get.apply(STORE);
    return new SimTestSettings(seeds, check, Path.of(store != null ? store : a.store()), replaying,
        shrink(get.apply(SHRINK)));
  }

  /** {@code true} or {@code 1}: the default budget; a time such as {@code 2m}: that budget; else (or unset): off. */
  private static Duration shrink(String text) {
    if (text == null || text.equals("false") || text.equals("0")) {
      return null;
    }
    if (text.equals("true") || text.equals("1")) {
      return SHRINK_BUDGET;
    }
    try {
      long nanos = madjep.sim.Durations.parse(text);
      if (nanos > 0) {
        return Duration.ofNanos(nanos);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the message that says what was expected
    }
    throw new IllegalArgumentException(SHRINK + ": expected true, false or a time budget such as 2m, found '" + text
        + "'");
  }

  private static Seeds range(String name, String text) {
    String[] p = text.split("\\.\\.");
    try {
      if (p.length == 2) {
        return Seeds.range(Long.parseLong(p[0].trim()), Long.parseLong(p[1].trim()));
      }
      if (p.length == 1) {
        long s = Long.parseLong(p[0].trim());
        return Seeds.range(s, s);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the message that says what was expected
    }
    throw new IllegalArgumentException(name + ": expected seeds A..B with A <= B, such as 1..50, found '" + text
        + "'");
  }

  private static long number(String name, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected a number, found '" + text + "'");
    }
  }
}
