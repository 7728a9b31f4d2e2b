package madjep.sim.scenario;

import java.util.Objects;
import madjep.sim.NodeFactory;

/**
 * The system a scenario runs: a bundled name ({@code raft-kv}, resolved through {@link SystemProvider}s when the run
 * starts), or a {@link NodeFactory} given in Java or loaded from a class named in a scenario file.
 *
 * <p>One factory serves every run of the scenario, and a sweep runs seeds in parallel: a factory must keep no
 * state of its own; all of a node's state lives in the {@link madjep.sim.Node} objects it creates.
 *
 * @param name the bundled name, the factory's class name, or a label given in Java; reports and resolved scenario
 *     files show it
 * @param factory the factory, or null for a bundled name
 */
public record SystemUnderTest(String name, NodeFactory factory) {
  public SystemUnderTest {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("expected a system name, found an empty one");
    }
  }

  /** A bundled system, or a class name that a scenario file's reader resolves. */
  public static SystemUnderTest named(String name) {
    return new SystemUnderTest(name, null);
  }

  /** A factory given in Java, named after its class (or {@code custom} for a lambda, whose class name varies). */
  public static SystemUnderTest of(NodeFactory factory) {
    Class<?> c = factory.getClass();
    return new SystemUnderTest(c.isHidden() || c.isSynthetic() ? "custom" : c.getName(), factory);
  }

  /** True when this names a bundled system rather than carrying its factory. */
  public boolean bundled() {
    return factory == null;
  }

  /** Equal names and factories of the same class: a scenario read twice from one file is equal to itself. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SystemUnderTest t && name.equals(t.name)
        && (factory == null ? t.factory == null : t.factory != null && factory.getClass() == t.factory.getClass());
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
