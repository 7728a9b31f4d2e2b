package madjep.sim.scenario;

import java.util.List;
import madjep.sim.NodeFactory;

/**
 * A bundled system under test, found by name through {@link java.util.ServiceLoader}: a module that ships systems
 * (MadJep's {@code systems}, or a user's jar on {@code --classpath}) lists its providers in {@code
 * META-INF/services/madjep.sim.scenario.SystemProvider}. The simulator itself knows no system by name.
 */
public interface SystemProvider {
  /** The name scenarios use, such as {@code raft-kv}. */
  String name();

  /** One line for {@code madjep sim list}. */
  String description();

  /** The seeded bugs a scenario's {@code bug} may switch on ({@code none} is always allowed). */
  default List<String> bugs() {
    return List.of();
  }

  /**
   * The node factory for one run of {@code s} (its {@link Scenario#bug()} switched on, its workload's settings such
   * as the bank's accounts known). Throws {@link IllegalArgumentException} naming what it cannot run.
   */
  NodeFactory factory(Scenario s);

  /** Scenarios that ship with this system, listed by {@code madjep sim list} and usable as a file's {@code base}. */
  default List<Bundled.Entry> scenarios() {
    return List.of();
  }
}
