/**
 * Workloads and the clients that drive them. A {@link madjep.sim.workload.Workload} generates Jepsen ops (register,
 * kv, list-append, rw-register, bank, mutex, set, etcd-style append) and names its checker ({@link madjep.sim.workload.CheckSpec});
 * {@link madjep.sim.workload.Clients} runs {@code concurrency} client threads at a rate, records every invocation and
 * completion, and turns a timed-out op into {@code :info} and its thread into a new process. A system whose clients
 * do more than send one request to one node supplies a {@link madjep.sim.workload.ClientProtocol}: its {@link
 * madjep.sim.workload.ClientSession}s do the sending and answering, the driver keeps timing, history and timeouts.
 * {@link madjep.sim.workload.OpMachine} is the sequential meaning of every op, for systems to replicate; its
 * snapshot's registers are a {@link madjep.sim.workload.LongKeyedMap}, which a codec may write and read back by
 * position.
 */
package madjep.sim.workload;
