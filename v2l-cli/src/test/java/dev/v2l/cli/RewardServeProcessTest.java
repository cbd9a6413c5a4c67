package dev.v2l.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `v2l reward serve` as a real process: it binds loopback, scores, and stops on SIGTERM. */
class RewardServeProcessTest {

    @Test
    void servesOnLoopbackAndStopsOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.v2l.cli.Main",
                "reward", "serve", "--port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).contains("serving on http://127.0.0.1:");
            Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(line);
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/score"))
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"response\": \"<map>m</map><think>t</think>"
                            + "<answer>A</answer>\", \"ground_truth\": \"a\"}]"))
                    .header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("[{\"overall\": 1.0, \"format\": 1.0, \"accuracy\": 1.0}]");
            p.toHandle().destroy(); // SIGTERM, leaving our end of the pipes open
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stops within the grace period").isTrue();
            assertThat(out.readLine()).isEqualTo("v2l reward stopped after 1 records");
        } finally {
            p.destroyForcibly();
        }
    }
}
