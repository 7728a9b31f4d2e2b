package madjep.corpus;

import java.util.ArrayList;
import java.util.List;

/** Splits a CHECKS.tsv argument string as a POSIX shell would: spaces separate words, quotes group them. */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in: " + s);
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
