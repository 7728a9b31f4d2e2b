package madjep.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import madjep.history.History;
import madjep.history.io.AtomicFiles;

/**
 * Renders a {@link Report} as one self-contained HTML page.
 *
 * <pre>{@code
 * History h = HistoryReader.read(Path.of("history.edn"));
 * Result r = LinearizabilityChecker.check(h, Models.byName("cas-register"), Options.defaults());
 * HtmlReport.write(Report.of("history.edn", h, r.toData()), Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
  /** Client ops drawn one by one in a timeline at most; past it, the timeline draws cells (see {@link TimelineSvg}). */
  public static final int DRAWN_OPS = 20_000;
  /** Ops of the violation's neighbourhood drawn in the close-up at most. */
  static final int CLOSE_UP_OPS = 400;
  /** Linearization steps before the violation shown in the close-up. */
  static final int CLOSE_UP_STEPS = 16;
  /** Steps of the longest linearizable prefix listed under the close-up. */
  static final int PREFIX_ROWS = 24;
  /** Items of a list in the checker's result shown at most. */
  static final int RESULT_ITEMS = 100;
  /** Characters of the checker's result shown as EDN at most. */
  static final int RESULT_CHARS = 200_000;

  private HtmlReport() {}

  /** Writes the page to {@code out} (through a temporary file and a rename). */
  public static void write(Report r, Path out) throws IOException {
    String page = render(r);
    AtomicFiles.writeString(out, page);
  }

  /** The page. */
  public static String render(Report r) {
    return new Page(r, null).render();
  }

  /**
   * The part of a page that its history and run information decide, never the checker's result: statistics, lanes,
   * plots, fault coverage. Most of the work for a long history, so a caller can do it while the checker runs, then
   * {@link #render(Report, Prepared)}.
   */
  public static Prepared prepare(History h, RunInfo run) {
    return new Prepared(new PageModel(h, run));
  }

  /**
   * The page, using {@code p} when it was prepared from this report's very history and run information (the same
   * objects); otherwise as {@link #render(Report)}. The same text either way.
   */
  public static String render(Report r, Prepared p) {
    return new Page(r, p == null ? null : p.model).render();
  }

  /** A page's history-only part: see {@link #prepare}. */
  public static final class Prepared {
    private final PageModel model;

    private Prepared(PageModel model) {
      this.model = model;
    }

    /** The run information it was prepared with (for the report that uses it). */
    public RunInfo run() {
      return model.run;
    }
  }

  /** A resource of this package as text: the page's style sheet and script. */
  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource madjep/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
