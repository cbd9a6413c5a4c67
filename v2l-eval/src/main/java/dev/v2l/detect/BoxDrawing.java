package dev.v2l.detect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/** A frame with its detections drawn: a box per detection, its class and score on a filled tag above it. */
public final class BoxDrawing {

    private static final Color[] COLOURS = {new Color(0xE6194B), new Color(0x3CB44B), new Color(0x4363D8),
        new Color(0xF58231), new Color(0x911EB4), new Color(0x42D4F4), new Color(0xF032E6), new Color(0x9A6324)};

    private BoxDrawing() {
    }

    public static BufferedImage draw(BufferedImage frame, List<Detection> detections) {
        BufferedImage out = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(frame, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float line = Math.max(2f, frame.getWidth() / 320f);
            g.setStroke(new BasicStroke(line));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, frame.getWidth() / 50)));
            FontMetrics fm = g.getFontMetrics();
            for (int i = detections.size() - 1; i >= 0; i--) { // best drawn last, on top
                Detection d = detections.get(i);
                Color c = COLOURS[Math.floorMod(d.classIndex(), COLOURS.length)];
                int x0 = (int) Math.round(d.box().x0());
                int y0 = (int) Math.round(d.box().y0());
                int w = (int) Math.round(d.box().width());
                int h = (int) Math.round(d.box().height());
                g.setColor(c);
                g.drawRect(x0, y0, w, h);
                String tag = String.format(Locale.ROOT, "%s %.2f", d.label(), d.score());
                int tw = fm.stringWidth(tag) + 6;
                int th = fm.getHeight();
                int ty = y0 - th >= 0 ? y0 - th : y0;
                g.fillRect(x0, ty, tw, th);
                g.setColor(Color.WHITE);
                g.drawString(tag, x0 + 3, ty + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
