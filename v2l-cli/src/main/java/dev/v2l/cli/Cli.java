package dev.v2l.cli;

import dev.v2l.io.Provenance;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Things every command shares. */
final class Cli {

    private Cli() {
    }

    /**
     * Provenance of the running command: version, commit and the command line as typed ({@code v2l} and the
     * arguments, subcommand names once; secrets redacted).
     */
    static Provenance provenance(CommandLine.Model.CommandSpec spec) {
        List<String> cmd = new ArrayList<>();
        cmd.add("v2l");
        cmd.addAll(spec.root().commandLine().getParseResult().originalArgs());
        return new Provenance("video2layout", VersionProvider.version(), VersionProvider.commit(), cmd);
    }

    /** Thrown by a parent command run without a subcommand (exit 2, with its usage). */
    static CommandLine.ParameterException missingSubcommand(CommandLine.Model.CommandSpec spec) {
        return new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand; one of: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }
}
