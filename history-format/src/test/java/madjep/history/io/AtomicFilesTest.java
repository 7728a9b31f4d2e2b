package madjep.history.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writeString_newFile_readableByAll_noTemporaryLeft() throws IOException {
    Path f = dir.resolve("out.json");
    AtomicFiles.writeString(f, "{}");
    assertEquals("{}", Files.readString(f));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of("out.json"), s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void writeString_replacingAPrivateFile_keepsItsPermissions() throws IOException {
    Path f = Files.writeString(dir.resolve("secret.json"), "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    AtomicFiles.writeString(f, "new");
    assertEquals("new", Files.readString(f));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }
}
