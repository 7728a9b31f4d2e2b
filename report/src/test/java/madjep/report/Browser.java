package madjep.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for tests that look at pages as a person would: Debian's {@code chromium}, driven through its
 * {@code chromedriver} (package {@code chromium-driver}), with a fresh profile and no network services. Paths come
 * from {@code MADJEP_CHROMIUM} and {@code MADJEP_CHROMEDRIVER} when set. When either is missing, a test fails under
 * {@code CI=true} and is skipped with a message otherwise ({@code .ci/run} installs both).
 */
public final class Browser implements AutoCloseable {
  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");
  private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser window of {@code width} × {@code height} CSS pixels. */
  public static Browser start(int width, int height) {
    String chromium = find("MADJEP_CHROMIUM", CHROMIUM);
    String chromedriver = find("MADJEP_CHROMEDRIVER", DRIVER);
    if (chromium == null || chromedriver == null) {
      String msg = "headless Chromium is not installed (" + (chromium == null ? "no chromium in " + CHROMIUM
          : "no chromedriver in " + DRIVER) + "; apt-get install chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(msg + "; CI=true requires it");
      }
      abort(msg + "; skipping browser tests");
    }
    try {
      Path profile = Files.createTempDirectory("madjep-chromium-");
      ChromeOptions o = new ChromeOptions();
      o.setBinary(chromium);
      o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--hide-scrollbars=false", "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      o.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
      ChromeDriver d = new ChromeDriver(service, o);
      // --window-size sets the outer window; the page's viewport is what the tests reason about.
      Object inner = d.executeScript("return [window.innerWidth, window.innerHeight];");
      if (inner instanceof List<?> l && l.size() == 2) {
        long dw = width - ((Number) l.get(0)).longValue();
        long dh = height - ((Number) l.get(1)).longValue();
        if (dw != 0 || dh != 0) {
          d.manage().window().setSize(new org.openqa.selenium.Dimension((int) (width + dw), (int) (height + dh)));
        }
      }
      return new Browser(d, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String find(String env, List<String> candidates) {
    String set = System.getenv(env);
    if (set != null && !set.isBlank()) {
      return Files.isExecutable(Path.of(set)) ? set : null;
    }
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    return null;
  }

  /** Loads a local file and returns how long loading took, in milliseconds. */
  public long open(Path page) {
    long t0 = System.nanoTime();
    driver.get(page.toAbsolutePath().toUri().toString());
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** Runs {@code js} (a function body that may {@code return}) in the page. */
  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** A number computed by {@code js}. */
  public double number(String js, Object... args) {
    Object v = script(js, args);
    if (!(v instanceof Number n)) {
      throw new AssertionError("expected a number from " + js + ", found " + v);
    }
    return n.doubleValue();
  }

  /** The element's box in the viewport: left, top, right, bottom; null when there is no such element. */
  public double[] box(String cssSelector) {
    Object v = script("var e = document.querySelector(arguments[0]); if (!e) return null;"
        + " var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];", cssSelector);
    if (v == null) {
      return null;
    }
    List<?> l = (List<?>) v;
    double[] b = new double[4];
    for (int i = 0; i < 4; i++) {
      b[i] = ((Number) l.get(i)).doubleValue();
    }
    return b;
  }

  /** The viewport's width and height. */
  public double[] viewport() {
    return new double[] {number("return window.innerWidth;"), number("return window.innerHeight;")};
  }

  /** Errors the page logged to the console (script errors included) since the last call. */
  public List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(e.getMessage());
      }
    }
    return errors;
  }

  /** Saves what the window shows as a PNG at {@code out}. */
  public Path screenshot(Path out) {
    try {
      Files.createDirectories(out.toAbsolutePath().getParent());
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where tests save screenshots: {@code target/screenshots/} of the module under test. */
  public static Path screenshotDir() {
    return Path.of("target", "screenshots");
  }

  /** Checks that nothing the page needed came from the network: every resource it loaded is a file or data URL. */
  public List<String> networkResources() {
    Object v = script("return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object x : l) {
        String s = String.valueOf(x);
        if (!s.startsWith("file:") && !s.startsWith("data:")) {
          out.add(s);
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var s = Files.walk(profile)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A profile left in /tmp is harmless.
      }
    }
  }

}
