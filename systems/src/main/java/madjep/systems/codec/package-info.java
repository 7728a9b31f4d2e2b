/**
 * Binary encoding shared by the bundled systems' durable records and snapshots: {@link
 * madjep.systems.codec.VarBytes}, a growable buffer of zig-zag varints that refuses corrupt input (an overlong number,
 * a count larger than the bytes left) with an {@link java.lang.IllegalStateException}. raft-kv's value codec and
 * curp-kv's command codec extend it, so both write the same bytes for the same numbers.
 */
package madjep.systems.codec;
