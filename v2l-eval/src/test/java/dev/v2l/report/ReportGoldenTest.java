package dev.v2l.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report is the golden file, byte for byte: a fixed results folder (three runs over 12 items of a small
 * benchmark with frames) rendered with a gallery of 20 (so the even choice over runs, tasks and frame counts is in
 * it). Run with {@code -Dv2l.golden.update=true} to rewrite the golden after a deliberate change, and look at it.
 */
class ReportGoldenTest {

    @Test
    void theReportOfAFixedResultsFolderIsTheGolden() throws Exception {
        Path fixture = Path.of(ReportGoldenTest.class.getResource("/report-fixture").toURI());
        Path results = fixture.resolve("results");
        ReportWriter.Results r = ReportWriter.load(results, fixture.resolve("bench"));
        ObjectNode prov = new ObjectMapper().createObjectNode().put("tool", "video2layout").put("version", "test");
        prov.putArray("command").add("v2l").add("report").add("results").add("--out").add("report.html");
        String html = new ReportWriter(new ReportWriter.Options(20, 160, 1.0, prov)).render(List.of(r))
                .replace(results.toString(), "RESULTS");
        Path golden = Path.of(System.getProperty("v2l.root.dir", "."), "v2l-eval/src/test/resources/golden/report.html");
        if (Boolean.getBoolean("v2l.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
