package madjep.sim.scenario;

/**
 * Something a node announced ({@link madjep.sim.NodeContext#announce}), such as {@code leader 3}: kept so that a
 * violation's explanation can name the leaders of the time.
 *
 * @param time virtual nanoseconds
 * @param node the announcing node's name
 * @param event what it announced, such as {@code leader}
 * @param value the value announced, in words
 */
public record Announcement(long time, String node, String event, String value) {}
