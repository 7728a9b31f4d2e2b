package madjep.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios that ship with the systems on the class path ({@code madjep sim list}), gathered from every {@link
 * SystemProvider}: the simulator itself bundles none.
 */
public final class Bundled {
  /** A bundled scenario and what it is for. */
  public record Entry(Scenario scenario, String description, boolean expectValid) {}

  private Bundled() {}

  /** Every bundled scenario, provider by provider, in each provider's order. */
  public static List<Entry> all() {
    List<Entry> out = new ArrayList<>();
    for (SystemProvider p : Systems.providers()) {
      out.addAll(p.scenarios());
    }
    return out;
  }

  /** The bundled scenario called {@code name}, or null. */
  public static Entry get(String name) {
    for (Entry e : all()) {
      if (e.scenario().name().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
