package madjep.sim.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles the user-style systems of {@code madjep/usersystems/*.java.txt} (package {@code com.acme}) into a
 * directory of their own, outside the reactor's class path, as a user's project would: tests then load them only
 * through {@code --classpath} or a class loader of their own.
 */
public final class OutsideCompiler {
  /** The user systems: broken (acks and drops), stalling (durable, stops answering), and correct. */
  public static final List<String> SYSTEMS = List.of("AckDropStore", "DurableStore", "StallingStore");

  private OutsideCompiler() {}

  /** Compiles every user system into {@code dir} and returns it. */
  public static Path compile(Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/com/acme"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
    for (String name : SYSTEMS) {
      try (InputStream in = OutsideCompiler.class.getResourceAsStream("/madjep/usersystems/" + name + ".java.txt")) {
        Path f = src.resolve(name + ".java");
        Files.writeString(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        args.add(f.toString());
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code = javac.run(null, null, null, args.toArray(new String[0]));
    if (code != 0) {
      throw new IllegalStateException("javac failed with " + code);
    }
    return classes;
  }

  /**
   * Compiles one class of the default package, {@code className} with {@code source} (a README example, say), into
   * {@code dir/classes}; returns javac's exit code (0: compiled).
   */
  public static int compileOne(Path dir, String className, String source) throws IOException {
    Path src = Files.writeString(dir.resolve(className + ".java"), source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    return ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), "-proc:none", src.toString());
  }

  /** A loader that sees {@code classes} on top of this test's class path. */
  public static URLClassLoader loader(Path classes) {
    try {
      return new URLClassLoader(new URL[] {classes.toUri().toURL()}, OutsideCompiler.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
