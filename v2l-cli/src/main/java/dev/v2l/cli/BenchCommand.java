package dev.v2l.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code v2l bench}: benchmarks for models — built from scenes (QVS-Bench style) or imported from the official
 * releases. Throughput figures of the toolkit itself are not a user command: they live in the {@code v2l-bench} module
 * (JMH and a harness), see the README's performance section.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchBuildCommand.class, BenchCheckCommand.class, BenchImportCommand.class},
        description = "Benchmarks for models: 'bench build' makes a QVS-Bench-style benchmark from scenes, 'bench "
                + "check' says whether one can be trusted (perfect-map scores, answer balance), 'bench import' imports "
                + "an official one.",
        footer = {"", "Example: v2l bench build procedural:seed=3,count=400 --types qvs --items 2000 --out qvs-bench/"})
final class BenchCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.missingSubcommand(spec);
    }
}
