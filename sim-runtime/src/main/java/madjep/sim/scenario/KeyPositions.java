package madjep.sim.scenario;

import madjep.history.DataError;

/**
 * Where a dotted key ({@code faults.mode}) is written in a scenario file's text, so that an error found after parsing
 * (the parsed tree has no positions) still says FILE:LINE:COLUMN. A line scan, enough for the files {@link
 * ScenarioFiles#toToml} writes and people write by hand: TOML tables ({@code [faults]}) and bare, quoted or dotted
 * keys; YAML block mappings by indentation. A key the scan cannot place (one that is not written, such as a missing
 * {@code system}) keeps the error as it was: it names the key.
 */
final class KeyPositions {
  private KeyPositions() {}

  /** {@code e} with the line and column of the key its detail starts with, when that key is written in the text. */
  static DataError placed(DataError e, String text, boolean yaml) {
    if (e.line() > 0) {
      return e;
    }
    String d = e.detail();
    int colon = d.indexOf(": ");
    if (colon <= 0 || d.substring(0, colon).indexOf(' ') >= 0) {
      return e;
    }
    // The key, or else the nearest table around it that is written (faults = {mode = "x"} in YAML's flow style).
    for (String key = d.substring(0, colon); ; key = key.substring(0, key.lastIndexOf('.'))) {
      int[] at = locate(text, yaml, key);
      if (at != null) {
        return new DataError(e.kind(), e.source(), at[0], at[1], e.opIndex(), d);
      }
      if (key.indexOf('.') < 0) {
        return e;
      }
    }
  }

  /** {line, column} (1-based) of {@code key}'s name, or null. */
  static int[] locate(String text, boolean yaml, String key) {
    String[] lines = text.split("\r\n|\n|\r", -1);
    return yaml ? yaml(lines, key) : toml(lines, key);
  }

  private static int[] toml(String[] lines, String key) {
    String table = "";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int start = indent(line);
      String t = line.substring(start);
      if (t.startsWith("[")) {
        int close = t.indexOf(']');
        if (close < 0) {
          continue;
        }
        table = unquote(t.substring(t.startsWith("[[") ? 2 : 1, close).trim());
        if (table.equals(key)) {
          return new int[] {i + 1, start + 1};
        }
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0 || t.startsWith("#")) {
        continue;
      }
      String name = unquote(t.substring(0, eq).trim());
      String full = table.isEmpty() ? name : table + "." + name;
      if (full.equals(key) || key.startsWith(full + ".")) {
        // An inline table (faults = {mode = "x"}) is placed at its key.
        return new int[] {i + 1, start + 1};
      }
    }
    return null;
  }

  private static int[] yaml(String[] lines, String key) {
    String[] path = new String[lines.length + 1];
    int[] indents = new int[lines.length + 1];
    int depth = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int start = indent(line);
      String t = line.substring(start);
      int colon = t.indexOf(':');
      if (t.isEmpty() || t.startsWith("#") || t.startsWith("-") || colon <= 0) {
        continue;
      }
      while (depth > 0 && indents[depth - 1] >= start) {
        depth--;
      }
      path[depth] = unquote(t.substring(0, colon).trim());
      indents[depth] = start;
      depth++;
      String full = String.join(".", java.util.Arrays.copyOf(path, depth));
      if (full.equals(key)) {
        return new int[] {i + 1, start + 1};
      }
    }
    return null;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static String unquote(String s) {
    StringBuilder sb = new StringBuilder();
    for (String part : s.split("\\s*\\.\\s*", -1)) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      boolean quoted = part.length() >= 2 && (part.charAt(0) == '"' || part.charAt(0) == '\'')
          && part.charAt(part.length() - 1) == part.charAt(0);
      sb.append(quoted ? part.substring(1, part.length() - 1) : part);
    }
    return sb.toString();
  }
}
