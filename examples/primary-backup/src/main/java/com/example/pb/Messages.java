package com.example.pb;

import java.util.List;
import madjep.sim.workload.ClientOp;

/** What the primary and the backup say to each other, always as {@code NodeContext.request}s. */
final class Messages {
  private Messages() {}

  /** One write, numbered: the backup logs entry {@code seq} and acknowledges. */
  record Entry(long seq, String request, ClientOp op) {}

  /** The primary of {@code epoch} asks the backup to log {@code entry}. */
  record Replicate(long epoch, Entry entry) {}

  /** The backup has every entry up to and including {@code seq}. */
  record Ack(long seq) {}

  /** A primary that just booted (its {@code epoch}) asks for every entry; older epochs are fenced off. */
  record FetchState(long epoch) {}

  /** Every entry the backup holds, in order. */
  record State(List<Entry> entries) {}
}
