package madjep.harness;

import java.util.concurrent.Executor;

/**
 * Runs each task on a thread of its own. The common fork-join pool has one worker on a 2-core machine, so the check
 * and the JSON history writer handed to it ran one after the other while the EDN writer ran beside them; each on its
 * own thread, the three share both cores.
 */
final class OwnThread implements Executor {
  static final OwnThread INSTANCE = new OwnThread();

  private OwnThread() {}

  @Override
  public void execute(Runnable task) {
    Thread t = new Thread(task, "madjep-background");
    t.setDaemon(true);
    t.start();
  }
}
