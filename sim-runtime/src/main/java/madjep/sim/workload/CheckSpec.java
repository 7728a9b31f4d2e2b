package madjep.sim.workload;

import java.util.Map;

/**
 * Which checker a workload's histories need, in the terms of the CLI: {@code checker} is {@code linear}, {@code
 * txn}, {@code bank} or {@code set}; {@code options} holds its arguments (for linear: {@code model}, {@code
 * independent}; for txn: {@code workload}, {@code consistency-models}; for bank: {@code accounts}, {@code total}).
 */
public record CheckSpec(String checker, Map<String, Object> options) {
  public CheckSpec {
    // Insertion order, never Map.copyOf: immutable maps iterate in an order salted per JVM.
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
  }

  /** A spec with options given as alternating names and values, kept in that order. */
  public static CheckSpec of(String checker, Object... namesAndValues) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new CheckSpec(checker, m);
  }

  public Object option(String name) {
    return options.get(name);
  }
}
