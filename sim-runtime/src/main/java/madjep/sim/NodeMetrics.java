package madjep.sim;

/**
 * One server's resources at a moment ({@link Simulation#metrics}).
 *
 * @param node its name
 * @param status up, down or paused
 * @param queued events waiting for it: in its inbox while it is busy, or held while it is paused
 * @param inFlight messages on their way to it
 * @param busyNanos CPU and synchronous I/O time spent since the run began (a busy fraction is the change of this
 *     over an interval, divided by the interval)
 * @param memory the bytes its node last declared ({@link NodeContext#memory})
 * @param diskBytes bytes in its files
 * @param dirtyBytes bytes written and not yet covered by an fsync
 * @param inboxDropped messages dropped because its inbox was full, since the run began
 */
public record NodeMetrics(String node, String status, long queued, long inFlight, long busyNanos, long memory,
    long diskBytes, long dirtyBytes, long inboxDropped) {}
