package madjep.sim.scenario;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import madjep.sim.NodeFactory;

/**
 * Finds systems under test: bundled ones by name through the {@link SystemProvider}s on the class path (the
 * thread's context class loader, so that a CLI given {@code --classpath} sees the user's providers too), and a
 * user's own by class name.
 */
public final class Systems {
  private Systems() {}

  /** The class loader systems and providers are looked up in: the context loader, else this module's. */
  static ClassLoader loader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : Systems.class.getClassLoader();
  }

  /** Every provider on the class path, in class path order. */
  public static List<SystemProvider> providers() {
    return providers(loader());
  }

  /**
   * Every provider {@code loader} finds, in class path order, leaving out those compiled for a newer JDK than this
   * one (a jar built on JDK 25 holds sim-blocking's {@code kv-blocking}, Java 21 bytecode, and runs on JDK 17 too).
   */
  static List<SystemProvider> providers(ClassLoader loader) {
    List<SystemProvider> out = new ArrayList<>();
    java.util.Iterator<SystemProvider> it = ServiceLoader.load(SystemProvider.class, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          return out;
        }
        out.add(it.next());
      } catch (UnsupportedClassVersionError e) {
        // A provider compiled for a newer JDK than this one (sim-blocking's needs 21) is not there on this one.
        continue;
      } catch (java.util.ServiceConfigurationError e) {
        if (!(e.getCause() instanceof UnsupportedClassVersionError)) {
          throw e;
        }
      }
    }
  }

  /** The provider named {@code name}, or null. */
  public static SystemProvider provider(String name) {
    for (SystemProvider p : providers()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** The bundled names scenario files accept. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (SystemProvider p : providers()) {
      out.add(p.name());
    }
    return out;
  }

  /**
   * The node factory of one run of {@code s}: the one it carries, or its bundled system's with the scenario's bug
   * switched on. Throws {@link IllegalArgumentException} when the system cannot run this scenario.
   */
  public static NodeFactory factory(Scenario s) {
    SystemUnderTest sut = s.system();
    if (!sut.bundled()) {
      if (!s.bug().equals("none")) {
        throw new IllegalArgumentException("bug: " + sut.name() + " has no seeded bugs to switch on; expected "
            + "bug = \"none\", found '" + s.bug() + "'");
      }
      return sut.factory();
    }
    SystemProvider p = provider(sut.name());
    if (p == null) {
      throw new IllegalArgumentException(unknown(sut.name()));
    }
    if (!s.bug().equals("none") && !p.bugs().contains(s.bug())) {
      throw new IllegalArgumentException("bug: expected none or one of " + p.bugs() + " for " + p.name()
          + ", found '" + s.bug() + "'");
    }
    return p.factory(s);
  }

  /**
   * The system {@code name} names: a bundled one, else a public class implementing {@link NodeFactory} with a
   * public no-arg constructor, loaded (and made once) from {@code loader}.
   */
  public static SystemUnderTest resolve(String name, ClassLoader loader) {
    for (SystemProvider p : providers(loader)) {
      if (p.name().equals(name)) {
        return SystemUnderTest.named(name);
      }
    }
    if (!name.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+")) {
      throw new IllegalArgumentException(unknown(name));
    }
    Class<?> c;
    try {
      c = Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("expected a bundled system (" + String.join(", ", names())
          + ") or a class on the class path (--classpath), found no class '" + name + "'"
          + (e instanceof LinkageError ? " that loads: " + e : ""));
    }
    if (!NodeFactory.class.isAssignableFrom(c)) {
      throw new IllegalArgumentException("expected a class implementing madjep.sim.NodeFactory, found " + name
          + ", which does not");
    }
    if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers())) {
      throw new IllegalArgumentException("expected a public concrete class, found " + name);
    }
    try {
      Constructor<?> k = c.getConstructor();
      return new SystemUnderTest(name, (NodeFactory) k.newInstance());
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("expected a public no-arg constructor in " + name + ", found none");
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("the constructor of " + name + " threw " + e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot make a " + name + ": " + e);
    }
  }

  private static String unknown(String name) {
    return "expected a bundled system (" + String.join(", ", names()) + ") or a NodeFactory class name such as "
        + "com.acme.MySystem, found '" + name + "'";
  }
}
