package dev.v2l.cli;

import dev.v2l.io.Provenance;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Things every command shares. */
final class Cli {

    private Cli() {
    }

    /** Provenance of the running command: version, commit and the command line as typed (secrets redacted). */
    static Provenance provenance(CommandLine.Model.CommandSpec spec) {
        List<String> cmd = new ArrayList<>();
        cmd.add("v2l");
        CommandLine.Model.CommandSpec s = spec;
        List<String> names = new ArrayList<>();
        while (s != null && s.parent() != null) {
            names.add(0, s.name());
            s = s.parent();
        }
        cmd.addAll(names);
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        return new Provenance("video2layout", VersionProvider.version(), VersionProvider.commit(), cmd);
    }
}
