package madjep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options that every command accepts, before or after its name: a mixin of the root command, and of the one
 * command that {@link CommandTree} builds alone.
 */
final class GlobalOptions {
  @Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;
}
