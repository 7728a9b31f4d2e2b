/**
 * The bundled {@code curp-kv} system: a key-value store replicated with CURP (Park and Ousterhout, "Exploiting
 * Commutativity For Practical Fast Replication", NSDI 2019) in Xline's shape, where every node is a witness and the
 * fast path needs a super-quorum. {@link madjep.systems.curp.CurpNode} is the server, {@link
 * madjep.systems.curp.CurpKv} the system (servers and its own client side), {@link
 * madjep.systems.curp.CurpKvProvider} registers it and its scenarios, including Xline's two Jepsen findings as
 * seeded bugs ({@link madjep.systems.curp.CurpConfig}).
 */
package madjep.systems.curp;
