/**
 * A replicated key-value store written in blocking style ({@link madjep.sim.blocking.kv.KvNode}, Raft over {@code
 * ctx.call}), with a seeded bug (early-ack: writes acknowledged before a majority has them). It speaks the
 * simulator's client protocol ({@code ClientOp} requests answered with {@code ClientReply}), so every workload and
 * checker of the event-style raft-kv applies, and its scenarios are {@code kv-blocking} and {@code
 * kv-blocking-early-ack}.
 */
package madjep.sim.blocking.kv;
