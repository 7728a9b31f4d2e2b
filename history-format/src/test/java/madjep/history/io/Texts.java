package madjep.history.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import madjep.history.History;

/** Reading and writing histories from and to strings, for tests. */
final class Texts {
  private Texts() {}

  static History read(String text) {
    return read(text, null);
  }

  static History read(String text, HistoryFormat format) {
    try {
      return HistoryReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t", format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(History h, HistoryFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      HistoryWriter.write(h, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
