package dev.v2l.cli;

import dev.v2l.dataset.BenchBuilder;
import dev.v2l.dataset.DatasetOptions;
import dev.v2l.qa.QuestionType;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The arguments of {@code v2l dataset build} and {@code v2l bench build}, read by the CLI's own commands (same
 * options, defaults, checks and messages), for runners other than the CLI: the Spark jobs take exactly the CLI's
 * arguments this way.
 */
public final class BuildArguments {

    /** Which build. */
    public enum Kind { DATASET, BENCH }

    /**
     * A build as the arguments ask for it.
     *
     * @param kind    dataset or bench
     * @param source  the scene source spec
     * @param options what to build
     * @param items   benchmark items ({@code bench build --items}; 0 for datasets)
     * @param mix     the benchmark's task mix (empty for datasets)
     * @param out     {@code --out} exactly as given (a local folder, or a URI such as {@code hdfs://…})
     */
    public record Request(Kind kind, String source, DatasetOptions options, int items, Map<QuestionType, Double> mix,
            String out) {
    }

    /** The request, or the exit code when there is nothing to run (help shown: 0; usage error shown: 2). */
    public record Parsed(Request request, int exitCode) {
    }

    /** The commands a build runner accepts, under the CLI's own name so messages read the same. */
    @Command(name = "v2l", subcommands = {DatasetCommand.class, BenchCommand.class})
    static final class Builds implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw Cli.missingSubcommand(spec);
        }
    }

    private BuildArguments() {
    }

    /** Reads {@code dataset build …} or {@code bench build …}; help and usage errors are printed as the CLI prints them. */
    public static Parsed parse(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Builds());
        cl.setOut(out);
        cl.setErr(err);
        ParseResult pr;
        try {
            pr = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            int code;
            try {
                code = cl.getParameterExceptionHandler().handleParseException(e, args);
            } catch (Exception handlerFailed) {
                err.println("v2l: error: " + e.getMessage());
                code = Main.EXIT_USAGE;
            }
            err.flush();
            return new Parsed(null, code);
        } catch (RuntimeException e) {
            err.println("v2l: error: " + e.getMessage());
            err.flush();
            return new Parsed(null, Main.EXIT_USAGE);
        }
        Integer help = CommandLine.executeHelpRequest(pr);
        if (help != null) {
            out.flush();
            return new Parsed(null, help);
        }
        ParseResult leaf = pr;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Object cmd = leaf.commandSpec().userObject();
        try {
            if (cmd instanceof DatasetCommand.Build b) {
                return new Parsed(new Request(Kind.DATASET, b.source, b.options(), 0, Map.of(), outArg(leaf)), 0);
            }
            if (cmd instanceof BenchBuildCommand b) {
                List<QuestionType> types = b.types.types();
                return new Parsed(new Request(Kind.BENCH, b.source, b.options(), b.items, BenchBuilder.mixFor(types),
                        outArg(leaf)), 0);
            }
        } catch (IllegalArgumentException e) {
            err.println("v2l: error: " + e.getMessage());
            err.flush();
            return new Parsed(null, Main.EXIT_USAGE);
        }
        err.println("v2l: expected 'dataset build …' or 'bench build …' (the arguments of the v2l commands), got "
                + String.join(" ", args));
        err.flush();
        return new Parsed(null, Main.EXIT_USAGE);
    }

    private static String outArg(ParseResult leaf) {
        return leaf.matchedOption("--out").originalStringValues().get(0);
    }
}
