package dev.v2l.cli;

import dev.v2l.io.BadInputException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code v2l} command line. Exit codes: 0 success, 1 runtime failure, 2 usage error or bad input.
 */
@Command(name = "v2l", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "video2layout: metric cognitive maps, spatial questions, benchmarks and scoring for "
                + "spatial-reasoning vision-language models.",
        footer = {"", "Examples:", "  v2l demo", "  v2l scenes list ../shared/data/vsibench-meta/scannet_meta_info_val.json",
            "", "Exit codes: 0 ok, 1 failure, 2 usage error or bad input.",
            "Run 'v2l COMMAND --help' for a command's options and an example."})
public final class Main implements Runnable {

    /**
     * The subcommands in the order help lists them. They are added to the command line lazily: a run that names one
     * builds only that command's model (building all of them costs most of the start-up), while help, usage errors
     * and runs without a subcommand get all of them.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, ScenesCommand.class, RenderCommand.class,
            AssetsCommand.class, FramesCommand.class, MapCommand.class, QaCommand.class, DatasetCommand.class,
            EvalCommand.class, ModelsCommand.class, ReportCommand.class, ScoreCommand.class, RewardCommand.class,
            BenchCommand.class, DetectCommand.class, CommandLine.HelpCommand.class);

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingSubcommand(spec);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int execute(String... args) {
        CommandLine cl = commandLine(args);
        int code = cl.execute(args);
        // picocli's writers flush on println only: output that ends without a newline (scenes show --json) would
        // be lost at exit
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The whole command line, every subcommand built. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: only the subcommand they name when they start with one, none for
     * {@code --version} alone, else all.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class)
                .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        for (Class<?> c : versionOnly ? List.<Class<?>>of() : named == null ? SUBCOMMANDS : List.of(named)) {
            cl.addSubcommand(c == CommandLine.HelpCommand.class ? new CommandLine.HelpCommand() : c);
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            // Bad input (a file, a line, a field, a value) is a usage error; anything else is a failure of ours or
            // of the machine, reported as such so a bug never reads as the user's mistake.
            if (ex instanceof BadInputException) {
                err.println("v2l: error: " + ex.getMessage());
                err.flush();
                return EXIT_USAGE;
            }
            if (ex instanceof dev.v2l.run.EvalRunner.Unreachable) { // a known failure, said in words
                err.println("v2l: failed: " + ex.getMessage());
                err.flush();
                return EXIT_FAILURE;
            }
            err.println("v2l: failed: " + ex);
            if (System.getenv("V2L_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set V2L_DEBUG=1 for the stack trace)");
            }
            err.flush();
            return EXIT_FAILURE;
        });
        return cl;
    }
}
