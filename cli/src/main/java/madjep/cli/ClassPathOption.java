package madjep.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code --classpath PATH}: where the user's own systems (NodeFactory classes, SystemProviders) are, as {@code java
 * -cp} takes it: entries separated by '{@value File#pathSeparator}', a directory of classes, a jar, or {@code dir/*}
 * for every jar in a directory. The loader becomes the thread's context class loader, which scenario files and
 * bundled-system lookups use (and sweep threads inherit).
 */
final class ClassPathOption {
  @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
      description = "Where your own systems' classes are: directories and jars separated by '"
          + "${sys:path.separator}', dir/* for every jar in dir (as java -cp).")
  String classpath;

  /** Installs the loader as the context class loader and returns it (the current one without --classpath). */
  ClassLoader install() throws IOException {
    ClassLoader parent = ClassPathOption.class.getClassLoader();
    if (classpath == null) {
      Thread.currentThread().setContextClassLoader(parent);
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.endsWith("*")) {
        Path dir = Path.of(entry.substring(0, entry.length() - 1));
        if (!Files.isDirectory(dir)) {
          throw new UsageError("--classpath: expected a directory before '*', found '" + entry + "'");
        }
        try (Stream<Path> s = Files.list(dir)) {
          for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
            urls.add(url(jar));
          }
        }
      } else {
        Path p = Path.of(entry);
        if (!Files.exists(p)) {
          throw new UsageError("--classpath: expected a directory or jar, found no '" + entry + "'");
        }
        urls.add(url(p));
      }
    }
    ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), parent);
    Thread.currentThread().setContextClassLoader(loader);
    return loader;
  }

  private static URL url(Path p) {
    try {
      return p.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UsageError("--classpath: cannot use '" + p + "': " + e.getMessage());
    }
  }

  /** The option as a replay command repeats it. */
  String replayArgument() {
    return classpath == null ? "" : " --classpath " + classpath;
  }
}
