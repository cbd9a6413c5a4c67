package dev.v2l.cli;

import dev.v2l.video.VideoEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Encoding rendered frames as MP4. */
final class VideoOutput {

    private VideoOutput() {
    }

    static void encode(Path folder, int frames, double fps, PrintWriter err) {
        try {
            VideoEncoder.encodeFolder(folder.resolve("rgb"), frames, fps, folder.resolve("video.mp4"));
        } catch (IOException | RuntimeException e) {
            err.println("video.mp4 not written: " + e.getMessage());
        }
    }
}
