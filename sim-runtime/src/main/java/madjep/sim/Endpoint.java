package madjep.sim;

import java.util.ArrayList;
import java.util.SplittableRandom;

/** The sim's record of one endpoint (server or client): its status, incarnation, disk, clock and current node. */
final class Endpoint {
  enum Status {
    UP, DOWN, PAUSED
  }

  final int id;
  final String name;
  final NodeFactory factory;
  final SimDisk disk = new SimDisk();
  final NodeClock clock = new NodeClock();
  final SplittableRandom rng;
  final SplittableRandom diskRng;
  Status status = Status.DOWN;
  int incarnation;
  Node node;
  NodeContext ctx;
  /** Events that reached the node while it was paused, in arrival order: kind, a, b, payload. */
  final ArrayList<Object[]> deferred = new ArrayList<>();

  Endpoint(int id, String name, NodeFactory factory, SplittableRandom rng, SplittableRandom diskRng) {
    this.id = id;
    this.name = name;
    this.factory = factory;
    this.rng = rng;
    this.diskRng = diskRng;
  }
}
