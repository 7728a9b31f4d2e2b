package madjep.history.fuzz;

import java.util.ArrayList;
import java.util.List;

/** Reads {@link Canon} text back: the items of a collection body, and the text of a string or keyword. */
final class CanonText {
  private CanonText() {}

  /** The text of {@code S3:abc} or {@code K4:read}. */
  static String stringText(String canon) {
    int colon = canon.indexOf(':');
    return canon.substring(colon + 1);
  }

  /** The top-level items of a collection's body, such as {@code K4:type K6:invoke L5}. */
  static List<String> items(String body) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = body.length();
    while (i < n) {
      if (body.charAt(i) == ' ') {
        i++;
        continue;
      }
      int s = i;
      i = skipItem(body, i);
      out.add(body.substring(s, i));
    }
    return out;
  }

  /** The end of the item that starts at {@code i}. */
  private static int skipItem(String t, int i) {
    char c = t.charAt(i);
    if (c == 'S' || c == 'K' || c == 'Y') {
      int colon = t.indexOf(':', i);
      int len = Integer.parseInt(t.substring(i + 1, colon));
      return colon + 1 + len;
    }
    if (c == '[' || c == '(' || c == '{') {
      return closeOf(t, i + 1, c == '[' ? ']' : c == '(' ? ')' : '}');
    }
    if (c == '#') {
      if (t.charAt(i + 1) == '{') {
        return closeOf(t, i + 2, '}');
      }
      int space = t.indexOf(' ', i);
      return skipItem(t, space + 1);
    }
    int j = i;
    while (j < t.length() && t.charAt(j) != ' ' && t.charAt(j) != ']' && t.charAt(j) != ')' && t.charAt(j) != '}') {
      j++;
    }
    return j;
  }

  private static int closeOf(String t, int i, char close) {
    while (true) {
      while (t.charAt(i) == ' ') {
        i++;
      }
      if (t.charAt(i) == close) {
        return i + 1;
      }
      i = skipItem(t, i);
    }
  }
}
