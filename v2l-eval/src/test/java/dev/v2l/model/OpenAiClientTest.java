package dev.v2l.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.v2l.io.Images;
import dev.v2l.io.Provenance;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiClientTest {

    static final String KEY = "sk-test-5ecr3t-abcdef";
    static final Map<String, String> ENV = Map.of("TEST_KEY", KEY);

    static OpenAiClient client(FakeOpenAiServer s, int retries, Duration timeout, long maxPixels) {
        return new OpenAiClient(new OpenAiClient.Config(s.baseUrl(), FakeOpenAiServer.MODEL, "TEST_KEY", timeout,
                retries, Duration.ofMillis(20), maxPixels), ENV::get);
    }

    static ModelRequest request(List<ModelRequest.Image> images) {
        return new ModelRequest("system text", "How far?", images, new ModelRequest.Settings(0.2, 64, 7L,
                "{\"top_k\": 1, \"repetition_penalty\": 1.05}"), null);
    }

    static ModelRequest.Image jpeg(int w, int h) {
        return new ModelRequest.Image(Images.jpeg(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), 0.9f),
                "image/jpeg");
    }

    @Test
    void sendsAChatCompletionOverHttp11WithImagesFirstAndSettings() throws Exception {
        try (FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.text("<answer>B</answer>"))) {
            ModelResponse r = client(s, 0, Duration.ofSeconds(5), 0).complete(request(List.of(jpeg(64, 48),
                    jpeg(32, 32))));
            assertThat(r.text()).isEqualTo("<answer>B</answer>");
            assertThat(r.promptTokens()).isEqualTo(100);
            assertThat(r.attempts()).isEqualTo(1);
            FakeOpenAiServer.Request req = s.requests().get(0);
            assertThat(req.path()).isEqualTo("/v1/chat/completions");
            // The JDK offers h2c on plain HTTP unless forced to HTTP/1.1; uvicorn then drops the body.
            assertThat(req.header("upgrade")).isNull();
            assertThat(req.header("http2-settings")).isNull();
            assertThat(req.header("authorization")).isEqualTo("Bearer " + KEY);
            JsonNode body = req.json();
            assertThat(body.path("model").asText()).isEqualTo(FakeOpenAiServer.MODEL);
            assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
            assertThat(body.path("seed").asLong()).isEqualTo(7);
            assertThat(body.path("top_k").asInt()).isEqualTo(1);
            assertThat(body.path("repetition_penalty").asDouble()).isEqualTo(1.05);
            JsonNode msgs = body.path("messages");
            assertThat(msgs.get(0).path("role").asText()).isEqualTo("system");
            JsonNode parts = msgs.get(1).path("content");
            assertThat(parts).hasSize(3);
            assertThat(parts.get(0).path("type").asText()).isEqualTo("image_url");
            assertThat(parts.get(0).path("image_url").path("url").asText()).startsWith("data:image/jpeg;base64,");
            assertThat(parts.get(2).path("type").asText()).isEqualTo("text");
            assertThat(parts.get(2).path("text").asText()).isEqualTo("How far?");
        }
    }

    @Test
    void scalesImagesToMaxPixels() throws Exception {
        try (FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.text("ok"))) {
            client(s, 0, Duration.ofSeconds(5), 20_000).complete(request(List.of(jpeg(640, 480))));
            String url = s.requests().get(0).json().path("messages").get(1).path("content").get(0).path("image_url")
                    .path("url").asText();
            BufferedImage sent = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                    url.substring(url.indexOf(',') + 1))));
            assertThat((long) sent.getWidth() * sent.getHeight()).isLessThanOrEqualTo(20_000).isGreaterThan(18_000);
            assertThat(sent.getWidth() / (double) sent.getHeight()).isCloseTo(4 / 3.0, org.assertj.core.data.Offset
                    .offset(0.02));
        }
    }

    @Test
    void retriesServerErrorsAndDroppedConnectionsThenSucceeds() throws Exception {
        try (FakeOpenAiServer s = new FakeOpenAiServer(FakeOpenAiServer.sequence(
                FakeOpenAiServer.Reply.status(503, "{\"error\": \"loading\"}"), FakeOpenAiServer.Reply.dropped(),
                FakeOpenAiServer.Reply.status(500, "{}"), FakeOpenAiServer.Reply.text("fine")))) {
            ModelResponse r = client(s, 4, Duration.ofSeconds(5), 0).complete(request(List.of()));
            assertThat(r.text()).isEqualTo("fine");
            assertThat(r.attempts()).isEqualTo(4);
            assertThat(s.completions()).isEqualTo(4);
        }
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        try (FakeOpenAiServer s = new FakeOpenAiServer(FakeOpenAiServer.sequence(
                FakeOpenAiServer.Reply.status(429, "{}").withHeader("Retry-After", "1"),
                FakeOpenAiServer.Reply.text("after the wait")))) {
            long t0 = System.nanoTime();
            ModelResponse r = client(s, 2, Duration.ofSeconds(5), 0).complete(request(List.of()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.text()).isEqualTo("after the wait");
            assertThat(ms).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void aPermanentClientErrorIsNotRetried() throws Exception {
        try (FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.status(400,
                "{\"error\": {\"message\": \"image too large\"}}"))) {
            assertThatThrownBy(() -> client(s, 5, Duration.ofSeconds(5), 0).complete(request(List.of())))
                    .isInstanceOfSatisfying(ModelFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(ModelFailure.Kind.CLIENT_ERROR);
                        assertThat(f.status()).isEqualTo(400);
                        assertThat(f.attempts()).isEqualTo(1);
                        assertThat(f.getMessage()).contains("image too large");
                    });
            assertThat(s.completions()).isEqualTo(1);
        }
    }

    @Test
    void timesOutPerAttemptAndGivesUpAfterTheRetries() throws Exception {
        // The reply would come after 20 s; two attempts of 2 s give up long before. The bounds leave room for a
        // machine under heavy load, where timers fire late and the server's threads see the second request late (with
        // 300 ms attempts the second one could end before the server had read it, at load 30 and more).
        try (FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.text("late").delayed(20_000))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> client(s, 1, Duration.ofMillis(2000), 0).complete(request(List.of())))
                    .isInstanceOfSatisfying(ModelFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(ModelFailure.Kind.TIMEOUT);
                        assertThat(f.attempts()).isEqualTo(2);
                    });
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
            for (long end = System.nanoTime() + 10_000_000_000L; s.completions() < 2 && System.nanoTime() < end; ) {
                Thread.sleep(10);
            }
            assertThat(s.completions()).isEqualTo(2);
        }
    }

    @Test
    void aServerThatIsDownIsAConnectionFailure() throws Exception {
        FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.text("x"));
        OpenAiClient c = client(s, 1, Duration.ofSeconds(2), 0);
        s.close();
        assertThatThrownBy(() -> c.complete(request(List.of()))).isInstanceOfSatisfying(ModelFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ModelFailure.Kind.CONNECTION));
    }

    @Test
    void theKeyAppearsNowhereButTheHeader() throws Exception {
        StringBuilder logs = new StringBuilder();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logs.append(r.getMessage()).append(' ').append(java.util.Arrays.toString(r.getParameters()))
                        .append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level was = root.getLevel();
        root.addHandler(h);
        root.setLevel(Level.ALL);
        Logger.getLogger("jdk.internal.httpclient.debug").setLevel(Level.ALL);
        try (FakeOpenAiServer s = new FakeOpenAiServer(FakeOpenAiServer.sequence(
                FakeOpenAiServer.Reply.status(401, "{\"error\": \"bad key\"}"), FakeOpenAiServer.Reply.text("ok")))) {
            OpenAiClient c = client(s, 0, Duration.ofSeconds(5), 0);
            String failure = "";
            try {
                c.complete(request(List.of()));
            } catch (ModelFailure f) {
                failure = f.getMessage();
            }
            c.complete(request(List.of()));
            Provenance p = new Provenance("v2l", "t", "t", List.of("v2l", "eval", "b", "--model", "openai:"
                    + s.baseUrl() + "#m", "--api-key-env", "TEST_KEY"));
            assertThat(failure).contains("401").doesNotContain(KEY);
            assertThat(c.name()).doesNotContain(KEY);
            assertThat(c.toString()).doesNotContain(KEY);
            assertThat(p.toJson().toString()).doesNotContain(KEY);
            assertThat(logs.toString()).doesNotContain(KEY);
        } finally {
            root.removeHandler(h);
            root.setLevel(was);
        }
    }

    @Test
    void aMissingKeyVariableIsAClearError() {
        assertThatThrownBy(() -> new OpenAiClient(new OpenAiClient.Config(java.net.URI.create(
                "http://127.0.0.1:1/v1"), "m", "NOT_SET_ANYWHERE", Duration.ofSeconds(1), 0, Duration.ofMillis(1), 0),
                k -> null)).isInstanceOf(dev.v2l.io.BadInputException.class).hasMessageContaining("NOT_SET_ANYWHERE");
    }

    @Test
    void retryAfterAsSecondsOrDate() {
        assertThat(OpenAiClient.retryAfterMillis("2")).isEqualTo(2000);
        assertThat(OpenAiClient.retryAfterMillis("0.5")).isEqualTo(500);
        assertThat(OpenAiClient.retryAfterMillis(null)).isEqualTo(-1);
        assertThat(OpenAiClient.retryAfterMillis("soon")).isEqualTo(-1);
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
        assertThat(OpenAiClient.retryAfterMillis(inTenSeconds)).isBetween(8000L, 10_000L);
    }

    @Test
    void specsFindTheServedModelWhenNotNamed() throws Exception {
        try (FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.text("x"))) {
            VisionLanguageModel m = Models.open("openai:" + s.baseUrl(), Models.Options.defaults());
            assertThat(m.name()).isEqualTo(FakeOpenAiServer.MODEL + "@" + s.baseUrl());
            assertThat(Models.open("openai:" + s.baseUrl() + "#other", Models.Options.defaults()).name())
                    .startsWith("other@");
        }
        assertThatThrownBy(() -> Models.open("gpt-5", Models.Options.defaults()))
                .hasMessageContaining("available: oracle, scene-oracle, blind");
    }

    @Test
    void theCacheAnswersARepeatedRequestWithoutTheServer(@TempDir Path dir) throws Exception {
        try (FakeOpenAiServer s = new FakeOpenAiServer(r -> FakeOpenAiServer.Reply.text("<answer>3</answer>"))) {
            ResponseCache cache = new ResponseCache(dir);
            VisionLanguageModel m = cache.wrap(client(s, 0, Duration.ofSeconds(5), 0), 0);
            ModelRequest r = request(List.of(jpeg(16, 16)));
            assertThat(m.complete(r).cached()).isFalse();
            ModelResponse again = m.complete(r);
            assertThat(again.cached()).isTrue();
            assertThat(again.text()).isEqualTo("<answer>3</answer>");
            assertThat(s.completions()).isEqualTo(1);
            // anything that changes the request misses: settings, images, prompt
            m.complete(new ModelRequest(r.system(), r.user(), r.images(), r.settings().withMaxTokens(65), null));
            m.complete(new ModelRequest(r.system(), r.user(), List.of(jpeg(16, 17)), r.settings(), null));
            m.complete(new ModelRequest(r.system(), r.user() + " ", r.images(), r.settings(), null));
            assertThat(s.completions()).isEqualTo(4);
        }
    }
}
