package madjep.sim;

/** Makes the fresh volatile state of node {@code id} at each boot. */
@FunctionalInterface
public interface NodeFactory {
  Node create(int id);
}
