package dev.v2l.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress bars people watch on standard error. */
final class Progress {

    private Progress() {
    }

    /** A bar of {@code total} steps, or null when {@code quiet}. */
    static ProgressBar bar(boolean quiet, String task, long total, String unit) {
        return bar(quiet, task, total, unit, false);
    }

    static ProgressBar bar(boolean quiet, String task, long total, String unit, boolean showSpeed) {
        if (quiet) {
            return null;
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err));
        return (showSpeed ? b.showSpeed() : b).build();
    }
}
