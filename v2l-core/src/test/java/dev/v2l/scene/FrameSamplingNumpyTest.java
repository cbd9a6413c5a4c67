package dev.v2l.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frame indices against numpy: {@code frame-sampling-numpy.txt} was written by {@code frame-sampling-numpy.py}
 * (beside it) with numpy 2.4.6 — a SHA-256 over the indices of every count 1–64 and every video length 1–10,000
 * (in blocks of 1,000 lengths) for {@code linspace(0, total - 1, n, dtype=int)} (lmms-eval's loaders) and the
 * rounded linspace, and explicit sequences for a sample.
 */
class FrameSamplingNumpyTest {

    private static List<String[]> reference() throws Exception {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(FrameSamplingNumpyTest.class
                .getResourceAsStream("/frame-sampling-numpy.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.split(" "));
                }
            }
        }
        return out;
    }

    @Test
    void everyCountOneToSixtyFourOnVideosUpToTenThousandFramesEqualsNumpy() throws Exception {
        int checked = 0;
        ByteBuffer buf = ByteBuffer.allocate(4 * 64).order(ByteOrder.LITTLE_ENDIAN);
        for (String[] f : reference()) {
            if (!f[0].equals("digest")) {
                continue;
            }
            String rule = f[1];
            int n = Integer.parseInt(f[2]);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int total = Integer.parseInt(f[3]); total <= Integer.parseInt(f[4]); total++) {
                buf.clear();
                for (int i : FrameSampling.uniformRule(rule, total, n)) {
                    buf.putInt(i);
                }
                sha.update(buf.array(), 0, buf.position());
            }
            assertThat(HexFormat.of().formatHex(sha.digest())).as("%s n=%d totals %s..%s", rule, n, f[3], f[4])
                    .isEqualTo(f[5]);
            checked++;
        }
        assertThat(checked).isEqualTo(2 * 64 * 10);
    }

    @Test
    void sampledSequencesEqualNumpy() throws Exception {
        int checked = 0;
        for (String[] f : reference()) {
            if (!f[0].equals("seq")) {
                continue;
            }
            int[] want = Arrays.stream(f, 4, f.length).mapToInt(Integer::parseInt).toArray();
            assertThat(FrameSampling.uniformRule(f[1], Integer.parseInt(f[3]), Integer.parseInt(f[2])))
                    .as(String.join(" ", Arrays.copyOf(f, 4))).containsExactly(want);
            checked++;
        }
        assertThat(checked).isEqualTo(2 * 10 * 19);
    }

    @Test
    void vllmBackendAppendsTheLastFrameOnlyWhenMissing() {
        assertThat(FrameSampling.uniformFloorWithLast(100, 1)).containsExactly(0, 99);
        assertThat(FrameSampling.uniformFloorWithLast(1, 1)).containsExactly(0);
        assertThat(FrameSampling.uniformFloorWithLast(100, 4)).containsExactly(0, 33, 66, 99);
        // more frames asked than the video has: duplicates, as numpy and decord's get_batch give them
        assertThat(FrameSampling.uniformFloor(3, 5)).containsExactly(0, 0, 1, 1, 2);
        assertThatThrownBy(() -> FrameSampling.uniformRule("fps", 10, 2)).hasMessageContaining("uniform-floor");
    }
}
