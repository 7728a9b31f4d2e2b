package madjep.linear;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Edn;

/**
 * The built-in models by name, as {@code madjep check linear --model NAME [--initial EDN]} knows them. Each takes
 * an initial value; without one: {@code nil} for registers, {@code ""} for kv, a free lock, and empty
 * sets, queues and maps; {@code etcd} takes none (an empty store at revision 1, as a new cluster).
 */
public final class Models {
  /** The names {@link #byName} accepts, in the order the CLI lists them. */
  public static final List<String> NAMES = List.of(
      "register", "cas-register", "multi-register", "mutex", "kv", "set", "fifo-queue", "unordered-queue", "etcd");

  private Models() {}

  /** The model named {@code name} with its default initial value. */
  public static Model byName(String name) {
    return switch (name) {
      case "register", "cas-register", "etcd" -> byName(name, null);
      case "multi-register" -> byName(name, Map.of());
      case "mutex" -> byName(name, Boolean.FALSE);
      case "kv" -> byName(name, "");
      case "set", "fifo-queue", "unordered-queue" -> byName(name, List.of());
      default -> throw unknown(name);
    };
  }

  /**
   * The model named {@code name} starting from {@code initial}, an EDN value.
   *
   * @throws IllegalArgumentException for an unknown name or an initial value of the wrong shape, with a message
   *     {@code "expected ..., found ..."}
   */
  public static Model byName(String name, Object initial) {
    switch (name) {
      case "register":
        return new RegisterModel(false, initial);
      case "cas-register":
        return new RegisterModel(true, initial);
      case "multi-register":
        if (initial instanceof Map<?, ?> m) {
          return new MultiRegisterModel(m);
        }
        throw wrongInitial(name, "a map such as {:x 0 :y 0}", initial);
      case "mutex":
        if (initial == null || initial instanceof Boolean) {
          return new MutexModel(Boolean.TRUE.equals(initial));
        }
        throw wrongInitial(name, "false (free) or true (held)", initial);
      case "kv":
        if (initial == null || initial instanceof String) {
          return new KvModel(initial == null ? "" : (String) initial);
        }
        throw wrongInitial(name, "a string", initial);
      case "set":
        if (initial instanceof Collection<?> c) {
          return new SetModel(c);
        }
        throw wrongInitial(name, "a set such as #{1 2}", initial);
      case "fifo-queue":
        if (initial instanceof List<?> l) {
          return new FifoQueueModel(l);
        }
        throw wrongInitial(name, "a vector such as [1 2]", initial);
      case "unordered-queue":
        if (initial instanceof Collection<?> c) {
          return new UnorderedQueueModel(c);
        }
        throw wrongInitial(name, "a vector such as [1 2]", initial);
      case "etcd":
        if (initial == null) {
          return new EtcdModel();
        }
        throw wrongInitial(name, "nil (an empty store at revision 1)", initial);
      default:
        throw unknown(name);
    }
  }

  /**
   * True when {@code model} honours {@link LinearizabilityOptions.NilReads#NO_VALUE} (it has an empty state a read of
   * nil can observe); other models read nil as unknown whatever the option says.
   */
  public static boolean readsNoValue(Model model) {
    return model instanceof CompiledModel cm && cm.withNoValueReads() != cm;
  }

  /** The model named {@code name} starting from the EDN text {@code initialEdn} (null: the default). */
  public static Model parse(String name, String initialEdn) {
    return initialEdn == null ? byName(name) : byName(name, Edn.parse(initialEdn));
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException("expected a model: " + String.join(", ", NAMES) + "; found '" + name + "'");
  }

  private static IllegalArgumentException wrongInitial(String name, String what, Object initial) {
    return new IllegalArgumentException(
        "expected an initial value for " + name + ": " + what + ", found " + Values.describe(initial));
  }
}
