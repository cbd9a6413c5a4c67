package dev.v2l.cli;

import dev.v2l.model.Models;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code v2l models}: the model registry. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models 'v2l eval --model' accepts: the built-in ones (no server needed) and the "
                + "spec for any OpenAI-compatible server.",
        footer = {"", "Example: v2l models"})
final class ModelsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Models.list().forEach((k, v) -> out.printf(Locale.ROOT, "%-18s %s%n", k, v));
        out.flush();
        return Main.EXIT_OK;
    }
}
