package madjep.sim;

/**
 * A message sent by a handler that had run ahead of the sim's time (on CPU or slow I/O): it leaves at {@code
 * departs}, so if its sender's incarnation ended before then (a crash mid-handler), it never left.
 */
record InFlight(Object message, Endpoint.Life life, long departs) {}
