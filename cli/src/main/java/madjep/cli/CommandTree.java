package madjep.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The picocli tree for one command line. Building the whole tree reflects over every command's options, which cost
 * most of a short run's start-up (about 0.3 s of a 0.45 s {@code check linear}, measured in benchmarks/RESULTS.md);
 * so when the arguments name a leaf command ({@code check linear ...}), only that command is built, under bare
 * parents that carry its full name and the {@link GlobalOptions}. Help, version, {@code @file} arguments and
 * anything that does not name a leaf get the whole tree, so their output is picocli's own. {@code CommandTreeTest} holds the two trees to the same
 * output and exit code.
 */
final class CommandTree {
  private CommandTree() {}

  /** Arguments that print help or read argument files: these always get the whole tree. */
  private static final Set<String> WHOLE_TREE = Set.of("-h", "--help", "-V", "--version", "help");

  /** A command line to execute: the tree and the arguments to give it. */
  record Parsed(CommandLine commandLine, String[] args) {}

  /** The whole tree, or the path to the leaf command that {@code args} names; the arguments are {@code args}. */
  static Parsed forArgs(String[] args) {
    for (String a : args) {
      if (WHOLE_TREE.contains(a) || a.startsWith("@")) {
        return new Parsed(Main.commandLine(), args);
      }
    }
    List<String> path = new ArrayList<>();
    Class<?> node = Main.class;
    int i = 0;
    while (i < args.length) {
      String a = args[i];
      if (a.equals("--debug")) {
        i++;
        continue;
      }
      Class<?> sub = subcommand(node, a);
      if (sub == null) {
        break;
      }
      path.add(a);
      node = sub;
      i++;
      if (subcommands(node).length == 0) {
        break;
      }
    }
    if (path.isEmpty() || subcommands(node).length > 0 || node == CommandLine.HelpCommand.class) {
      return new Parsed(Main.commandLine(), args);
    }
    CommandLine cl = new CommandLine(node);
    for (int k = path.size() - 2; k >= -1; k--) {
      CommandLine parent = new CommandLine(CommandLine.Model.CommandSpec.create()
          .name(k < 0 ? "madjep" : path.get(k)));
      if (k < 0) {
        parent.addMixin("global", new GlobalOptions());
      }
      parent.addSubcommand(path.get(k + 1), cl);
      cl = parent;
    }
    Main.setUsageExitCodes(cl);
    return new Parsed(cl, args);
  }

  private static Class<?>[] subcommands(Class<?> command) {
    Command c = command.getAnnotation(Command.class);
    return c == null ? new Class<?>[0] : c.subcommands();
  }

  private static Class<?> subcommand(Class<?> command, String name) {
    for (Class<?> sub : subcommands(command)) {
      Command c = sub.getAnnotation(Command.class);
      if (c != null && (c.name().equals(name) || Arrays.asList(c.aliases()).contains(name))) {
        return sub;
      }
    }
    return null;
  }
}
