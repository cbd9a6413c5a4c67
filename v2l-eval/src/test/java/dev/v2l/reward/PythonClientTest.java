package dev.v2l.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.v2l.testing.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** integrations/easyr1/v2l_reward.py against a live service (skipped where there is no python3). */
class PythonClientTest {

    static boolean havePython() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String run(Path script, String url) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString());
        pb.environment().put("V2L_REWARD_URL", url);
        pb.environment().put("PYTHONPATH", TestPaths.root().resolve("integrations/easyr1").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void easyR1BatchFunctionReturnsTheServiceScores(@TempDir Path dir) throws Exception {
        assumeTrue(havePython(), "python3 is not installed here; the EasyR1 client test is skipped");
        List<JsonNode> cases = RewardsTest.parityCases().subList(0, 120);
        Path inputs = dir.resolve("inputs.json");
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < cases.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"response\":").append(cases.get(i).get("response"))
                    .append(",\"ground_truth\":").append(cases.get(i).get("ground_truth"))
                    .append(",\"response_length\":10}");
        }
        Files.writeString(inputs, sb.append("]").toString());
        Path script = dir.resolve("call.py");
        Files.writeString(script, "import json, sys\nimport v2l_reward\n"
                + "inputs = json.load(open(" + pyString(inputs.toString()) + "))\n"
                + "print(json.dumps(v2l_reward.compute_score(inputs, format_weight=0.1)))\n");
        try (RewardServer server = new RewardServer("127.0.0.1", 0, Rewards.v2lo(), 1 << 24, 2, "test").start()) {
            String out = run(script, "http://127.0.0.1:" + server.port());
            JsonNode scores = new ObjectMapper().readTree(out.strip());
            assertThat(scores.size()).as(out).isEqualTo(cases.size());
            for (int i = 0; i < cases.size(); i++) {
                assertThat(scores.get(i).get("overall").asDouble()).isEqualTo(cases.get(i).get("overall").asDouble());
                assertThat(scores.get(i).get("format").asDouble()).isEqualTo(cases.get(i).get("format").asDouble());
                assertThat(scores.get(i).get("accuracy").asDouble()).isEqualTo(cases.get(i).get("accuracy").asDouble());
            }
        }
    }

    @Test
    void aServiceThatIsDownGivesAClearError(@TempDir Path dir) throws Exception {
        assumeTrue(havePython(), "python3 is not installed here; the EasyR1 client test is skipped");
        Path script = dir.resolve("down.py");
        Files.writeString(script, "import v2l_reward\n"
                + "try:\n    v2l_reward.compute_score([{'response': 'x', 'ground_truth': 'A'}])\n"
                + "except RuntimeError as e:\n    print('ERROR', e)\n");
        String out = run(script, "http://127.0.0.1:9");
        assertThat(out).contains("ERROR video2layout reward service at http://127.0.0.1:9 is not reachable")
                .contains("./v2l reward serve");
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
