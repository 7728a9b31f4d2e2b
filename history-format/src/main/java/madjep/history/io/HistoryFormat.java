package madjep.history.io;

import java.util.Locale;

/** The history formats MadJep reads; EDN and JSON Lines are also written. */
public enum HistoryFormat {
  /** Jepsen's {@code history.edn}: one op map per line, or one vector (or list) of op maps. */
  EDN("edn"),
  /** A JSON array of op objects, or JSON Lines (one object per line). Written as JSON Lines. */
  JSON("json"),
  /** Op lines of a {@code jepsen.log}: {@code INFO  jepsen.util - 4	:invoke	:read	nil}. Read only. */
  JEPSEN_LOG("log"),
  /**
   * etcd's robustness-test reports: {@code client-N/operations.json}, a stream of JSON objects {@code {"ClientId",
   * "Input", "Call", "Output", "Return"}}, one per operation (a report directory reads every client's). Read only.
   */
  ETCD("etcd");

  private final String cliName;

  HistoryFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name used by {@code --format} and {@code --to}: edn, json, log or etcd. */
  public String cliName() {
    return cliName;
  }

  /** The format named {@code name} (edn, json, jsonl, log, etcd), or null. */
  public static HistoryFormat byName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("jsonl") || n.equals("ndjson")) {
      return JSON;
    }
    for (HistoryFormat f : values()) {
      if (f.cliName.equals(n)) {
        return f;
      }
    }
    return null;
  }

  /**
   * Guesses the format from the first bytes of a file: etcd's report when the first object's first key is
   * {@code "ClientId"}, JSON when the first op object's first key is another string,
   * EDN when it opens with <code>&#123;</code>, {@code [}, {@code (}, {@code #} or a {@code ;} comment, and a Jepsen log when
   * it opens with text. Empty input is EDN (an empty history).
   */
  public static HistoryFormat detect(byte[] head, int len) {
    int i = skipSpace(head, 0, len);
    if (i < len && head[i] == ';') {
      return EDN;
    }
    if (i >= len) {
      return EDN;
    }
    byte c = head[i];
    if (c == '[') {
      int j = skipSpace(head, i + 1, len);
      if (j < len && head[j] == '{') {
        return objectKind(head, j + 1, len);
      }
      return EDN;
    }
    if (c == '{') {
      int j = skipSpace(head, i + 1, len);
      if (startsWith(head, j, len, "\"ClientId\"")) {
        return ETCD;
      }
      return objectKind(head, i + 1, len);
    }
    if (c == '(' || c == '#') {
      return EDN;
    }
    if (Character.isLetterOrDigit(c)) {
      return JEPSEN_LOG;
    }
    return EDN;
  }

  private static HistoryFormat objectKind(byte[] head, int from, int len) {
    int j = skipSpace(head, from, len);
    return j < len && head[j] == '"' ? JSON : EDN;
  }

  private static boolean startsWith(byte[] b, int i, int len, String ascii) {
    if (len - i < ascii.length()) {
      return false;
    }
    for (int k = 0; k < ascii.length(); k++) {
      if (b[i + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int skipSpace(byte[] b, int i, int len) {
    // A UTF-8 byte order mark counts as space.
    if (i == 0 && len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == ',')) {
      i++;
    }
    return i;
  }
}
