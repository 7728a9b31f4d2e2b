package madjep.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report knows about a simulated run beyond its history: every field may be absent (null or empty), as it
 * is for a history from elsewhere.
 *
 * @param scenario the scenario's name
 * @param seed the seed, or null
 * @param replay the command that replays the run
 * @param resolvedScenario the fully resolved scenario file (TOML)
 * @param faultSettings the fault settings in effect, in one line
 * @param counters the run's counters (messages sent and dropped, ops, ...), in display order
 * @param announcements what nodes announced, in time order (leaders become markers)
 * @param metrics per-node metrics, plotted when present
 */
public record RunInfo(
    String scenario,
    Long seed,
    String replay,
    String resolvedScenario,
    String faultSettings,
    Map<String, Long> counters,
    List<Announcement> announcements,
    List<MetricSeries> metrics) {

  /** {@code [   12.000000000] n3: leader 7} or {@code [12000000000] n3: leader 7}: seconds or nanoseconds. */
  private static final Pattern ANNOUNCED =
      Pattern.compile("^\\[\\s*(-?\\d+)(?:\\.(\\d{1,9}))?\\]\\s+([^:\\s]+):\\s+(leader)\\s+(\\S+)\\s*$", Pattern.MULTILINE);

  public RunInfo {
    counters = counters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    announcements = announcements == null ? List.of() : List.copyOf(announcements);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }

  /** A run known by name and seed only. */
  public static RunInfo of(String scenario, Long seed, String replay) {
    return new RunInfo(scenario, seed, replay, null, null, null, null, null);
  }

  public RunInfo withResolvedScenario(String toml) {
    return new RunInfo(scenario, seed, replay, toml, faultSettings, counters, announcements, metrics);
  }

  public RunInfo withFaultSettings(String settings) {
    return new RunInfo(scenario, seed, replay, resolvedScenario, settings, counters, announcements, metrics);
  }

  public RunInfo withCounters(Map<String, Long> c) {
    return new RunInfo(scenario, seed, replay, resolvedScenario, faultSettings, c, announcements, metrics);
  }

  public RunInfo withAnnouncements(List<Announcement> a) {
    return new RunInfo(scenario, seed, replay, resolvedScenario, faultSettings, counters, a, metrics);
  }

  public RunInfo withMetrics(List<MetricSeries> m) {
    return new RunInfo(scenario, seed, replay, resolvedScenario, faultSettings, counters, announcements, m);
  }

  /**
   * The leader announcements in a run's {@code trace.log}: lines such as {@code [   12.000000000] n3: leader 7}
   * (a time in seconds with a fraction) or {@code [12000000000] n3: leader 7} (nanoseconds), in order.
   */
  public static List<Announcement> leadersFromTrace(String trace) {
    List<Announcement> found = new ArrayList<>();
    if (trace == null) {
      return found;
    }
    Matcher m = ANNOUNCED.matcher(trace);
    while (m.find()) {
      long whole = Long.parseLong(m.group(1));
      long time;
      if (m.group(2) == null) {
        time = whole;
      } else {
        String frac = (m.group(2) + "000000000").substring(0, 9);
        time = whole * 1_000_000_000L + (whole < 0 ? -1 : 1) * Long.parseLong(frac);
      }
      found.add(new Announcement(time, m.group(3), m.group(4), announcedValue(m.group(5))));
    }
    return found;
  }

  /**
   * An announced value as the page shows it: a number when it is one of at most 18 digits, with an optional minus
   * (so that it fits a long), else the text itself.
   */
  public static Object announcedValue(String v) {
    int from = v.startsWith("-") ? 1 : 0;
    int digits = v.length() - from;
    if (digits < 1 || digits > 18) {
      return v;
    }
    for (int i = from; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return v;
      }
    }
    return Long.parseLong(v);
  }
}
