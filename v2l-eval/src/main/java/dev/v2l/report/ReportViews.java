package dev.v2l.report;

import java.util.List;

/**
 * What the report's Mustache partials show, as values: the writer turns summaries and records into these, the
 * templates ({@code *.mustache} beside this class) lay them out, and JMustache escapes every value ({@code {{{…}}}}
 * only for SVG drawn by {@link Charts} and {@link LayoutSvg}). Numbers arrive formatted.
 */
final class ReportViews {

    private ReportViews() {
    }

    /** The headline table: runs × tasks. */
    record Headline(List<TaskColumn> tasks, List<HeadlineRow> rows) {
    }

    record TaskColumn(String label, String metric) {
    }

    /** A run's row: {@code answered} requests scored, {@code failed} ones counted apart (failures are not scores). */
    record HeadlineRow(String label, String model, String run, int answered, int failed, boolean anyFailed,
            List<Cell> cells) {
    }

    /**
     * One figure: {@code na} shows a dash; otherwise the mean ({@code value} unformatted for sorting), with
     * {@code n} and {@code [low–high]} when it is an estimate with an interval.
     */
    record Cell(boolean na, String run, String task, String value, String mean, boolean interval, int n, String low,
            String high) {
        static final Cell NA = new Cell(true, null, null, null, null, false, 0, null, null);
    }

    /** The frame-count figure and the correlation table. */
    record Frames(String answerChart, String mapChart, List<Correlation> rows) {
    }

    record Correlation(String label, int n, String pearson, String spearman, String framePearson,
            String frameSpearman) {
    }

    /** The map-then-compute bars of each run. */
    record Decomposition(List<DecompositionRun> runs) {
    }

    record DecompositionRun(String label, String bars, int consistent, int withMap) {
    }

    /** Parse diagnostics per run. */
    record Parse(List<ParseRow> rows) {
    }

    record ParseRow(String label, List<String> counts, String p50, String p95, long tokensIn, long tokensOut) {
    }

    /** The gallery's filter menus. */
    record Filters(List<Select> selects) {
    }

    record Select(String attr, String all, List<String> values) {
    }

    /** The gallery. */
    record Gallery(int count, String plural, String chosen, List<Card> cards) {
    }

    /** One sample's card; null parts are left out. */
    record Card(String outcome, String run, String task, int frames, String correctness, String category,
            String plural, String statusClass, String status, String errorKind, FrameStrip strip, String bev,
            String question, List<String> options, String answer, String truth, String score, String mapAnswer,
            MapLine map, String failure, String reasoning) {
    }

    /** Thumbnail ids, filled from the page's frame table by its script. */
    record FrameStrip(List<String> ids) {
    }

    record MapLine(String f1, String alignedF1, int matched, int trueObjects, String centreError) {
    }

    /** The report's own provenance and each results folder's. */
    record Provenance(String report, List<Folder> folders) {
    }

    record Folder(String dir, String json) {
    }
}
