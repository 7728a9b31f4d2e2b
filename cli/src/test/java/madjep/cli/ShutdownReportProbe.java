package madjep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run in a JVM of its own by {@link FailuresShutdownTest}: reports the same failure (a store file removed under its
 * writer) before and while the JVM shuts down, and prints what each report wrote and returned, one line each.
 */
final class ShutdownReportProbe {
  private ShutdownReportProbe() {}

  public static void main(String[] args) throws InterruptedException {
    NoSuchFileException cutShort = new NoSuchFileException("/store/run/.tmp-1-x/history.jsonl");
    System.out.println("before " + report(cutShort, false));
    CountDownLatch hookRunning = new CountDownLatch(1);
    CountDownLatch reported = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      hookRunning.countDown();
      try {
        reported.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    new Thread(() -> System.exit(0)).start();
    hookRunning.await();
    System.out.println("during " + report(cutShort, false));
    System.out.println("debug " + report(cutShort, true));
    System.out.flush();
    reported.countDown();
  }

  /** {@code CODE [FIRST LINE IT PRINTED]}, and {@code + stack trace} when a stack trace followed. */
  private static String report(Throwable t, boolean debug) {
    StringWriter err = new StringWriter();
    int code = Failures.report(t, new PrintWriter(err), debug);
    java.util.List<String> lines = err.toString().lines().toList();
    String first = lines.isEmpty() ? "" : lines.get(0);
    boolean trace = lines.stream().anyMatch(l -> l.contains(t.getClass().getName()));
    return code + " [" + first + "]" + (trace ? " + stack trace" : "");
  }
}
