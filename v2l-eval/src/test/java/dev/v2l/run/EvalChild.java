package dev.v2l.run;

import dev.v2l.model.Models;
import dev.v2l.model.ModelRequest;
import dev.v2l.model.VisionLanguageModel;
import java.nio.file.Path;
import java.util.List;

/** A separate JVM running an evaluation against a server the test owns, so the test can kill it with SIGKILL. */
public final class EvalChild {

    private EvalChild() {
    }

    public static void main(String[] args) throws Exception {
        Path bench = Path.of(args[0]);
        Path out = Path.of(args[1]);
        VisionLanguageModel m = Models.open("openai:" + args[2] + "#" + dev.v2l.model.FakeOpenAiServer.MODEL,
                Models.Options.defaults());
        EvalRunner r = new EvalRunner(new EvalRunner.Settings(PromptKind.V2LO, 4, 0, ModelRequest.Settings.DEFAULT,
                1.0), bench);
        try (ResultStore store = ResultStore.open(out)) {
            r.run(BenchItems.read(bench), List.of(m), store, (done, errors, cached) -> { });
        }
    }
}
