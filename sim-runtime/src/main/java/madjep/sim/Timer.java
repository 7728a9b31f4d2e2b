package madjep.sim;

/** A timer set by a node; {@link #cancel()} stops it from firing. Timers die with the incarnation that set them. */
public final class Timer {
  final Object tag;
  final int incarnation;
  boolean cancelled;

  Timer(Object tag, int incarnation) {
    this.tag = tag;
    this.incarnation = incarnation;
  }

  public Object tag() {
    return tag;
  }

  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }
}
