package dev.v2l.video;

import java.nio.file.Path;

/**
 * What a video file holds, as FFmpeg reports it: frame count (from the stream's duration × frame rate for
 * constant-rate videos), frame rate, duration in seconds, picture size and codec.
 */
public record VideoInfo(Path file, int frames, double fps, double durationSeconds, int width, int height,
        String codec) {
}
