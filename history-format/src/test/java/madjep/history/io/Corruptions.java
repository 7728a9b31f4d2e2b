package madjep.history.io;

import java.util.SplittableRandom;

/** Seeded damage to history text: truncation, deleted or inserted bytes, swapped lines, doubled lines. */
final class Corruptions {
  private static final String TRICKY = "{}[]()\"\\:#;, \n\t0-9aZ_\u00e9";

  private Corruptions() {}

  static String corrupt(String text, SplittableRandom r) {
    if (text.isEmpty()) {
      return "{";
    }
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(6)) {
        case 0 -> sb.setLength(at);
        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(8)));
        case 2 -> sb.insert(at, TRICKY.charAt(r.nextInt(TRICKY.length())));
        case 3 -> sb.setCharAt(at, TRICKY.charAt(r.nextInt(TRICKY.length())));
        case 4 -> {
          int start = sb.lastIndexOf("\n", at) + 1;
          int end = sb.indexOf("\n", at);
          end = end < 0 ? sb.length() : end + 1;
          sb.insert(start, sb.substring(start, end) + (end == sb.length() ? "\n" : ""));
        }
        default -> {
          String[] kw = {":type", ":process", ":index", ":value", ":ok", ":invoke", "nil", "\"type\"", "\"ok\""};
          sb.insert(at, " " + kw[r.nextInt(kw.length)] + " ");
        }
      }
    }
    return sb.toString();
  }
}
