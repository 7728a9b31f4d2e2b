package madjep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.History;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;

/** Reading histories for commands: one place, so every command reports bad input the same way. */
final class Histories {
  private Histories() {}

  /** Reads {@code file} in {@code format} (null: detect). Data errors propagate to Main, which prints them. */
  static History read(Path file, HistoryFormat format) throws IOException {
    return HistoryReader.read(file, format);
  }

  /**
   * Reads {@code file} under a deadline ({@link Limits#NONE} for none); past it, {@link Limits.ReadTimeout}. A
   * directory (an etcd robustness report) is read file by file; the caller's watchdog bounds it.
   */
  static History read(Path file, HistoryFormat format, long deadline) throws IOException {
    if (deadline == Limits.NONE || Files.isDirectory(file)) {
      return read(file, format);
    }
    try (InputStream in = Limits.open(file, deadline)) {
      return HistoryReader.read(in, file.toString(), format);
    }
  }
}
