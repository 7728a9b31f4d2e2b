/**
 * A user's module that reads MadJep's checkers by their {@code Automatic-Module-Name}s: {@code madjep.linear} and
 * {@code madjep.txn} (each brings {@code madjep.history}, the history model and readers).
 */
module example.checks {
  requires madjep.history;
  requires madjep.linear;
  requires madjep.txn;

  exports example;
}
