package org.imagehub.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The demo's pictures, drawn with Java2D when the demo loads (no binary files in the repository, nothing taken from
 * elsewhere): simple illustrations per motif, varied by a seed so every story's picture is its own file, and an
 * export chart whose words are drawn in the language it is for.
 */
final class DemoPictures {
    static final int SCENE_WIDTH = 1600;
    static final int SCENE_HEIGHT = 1000;
    static final int CHART_WIDTH = 1080;
    static final int CHART_HEIGHT = 1350;

    private DemoPictures() {
    }

    /** The words of the export chart in one language. */
    record ChartWords(String title, String rice, String coffee, String unit, String source) {
    }

    /** A JPEG illustration of {@code motif}; {@code seed} shifts colours and shapes, {@code label} is drawn small. */
    static byte[] scene(String motif, String seed, String label) {
        BufferedImage image = new BufferedImage(SCENE_WIDTH, SCENE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(image);
        Random random = new Random(seed.hashCode());
        float hue = random.nextFloat();
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.35f, 0.95f), 0, SCENE_HEIGHT, Color.getHSBColor(hue + 0.1f, 0.55f, 0.7f)));
        g.fillRect(0, 0, SCENE_WIDTH, SCENE_HEIGHT);
        switch (motif) {
            case "people" -> people(g, random);
            case "city" -> city(g, random);
            case "landscape" -> landscape(g, random);
            case "delta" -> delta(g, random);
            case "circuit" -> circuit(g, random);
            case "coffee" -> coffee(g, random);
            case "lanterns" -> lanterns(g, random);
            case "timeline" -> timeline(g);
            default -> throw new IllegalArgumentException("No demo motif '" + motif + "'");
        }
        caption(g, label, SCENE_WIDTH, SCENE_HEIGHT);
        g.dispose();
        return encode(image, "jpg");
    }

    /**
     * A PNG bar chart of 2024 rice and coffee export values with its words in one language. A language the fonts of
     * this machine cannot draw (e.g. Chinese without a CJK font) gets its language tag instead of the words, so no
     * empty boxes are drawn; the figures and the tag still make it that language's own image.
     */
    static byte[] exportChart(String lang, ChartWords words) {
        BufferedImage image = new BufferedImage(CHART_WIDTH, CHART_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(image);
        g.setColor(new Color(250, 246, 236));
        g.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);
        g.setColor(new Color(180, 30, 40));
        g.fillRect(0, 0, CHART_WIDTH, 24);
        Font title = new Font(Font.SANS_SERIF, Font.BOLD, 54);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 40);
        g.setColor(new Color(40, 40, 40));
        drawWrapped(g, drawable(title, words.title(), lang), 70, 130, CHART_WIDTH - 140, title);
        int baseline = 1050;
        int[] values = {57, 55};
        String[] names = {drawable(label, words.rice(), lang), drawable(label, words.coffee(), lang)};
        Color[] colours = {new Color(214, 170, 60), new Color(110, 70, 40)};
        for (int i = 0; i < 2; i++) {
            int x = 180 + i * 420;
            int height = values[i] * 10;
            g.setColor(colours[i]);
            g.fill(new RoundRectangle2D.Float(x, baseline - height, 280, height, 20, 20));
            g.setColor(new Color(40, 40, 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
            g.drawString(values[i] / 10 + "." + values[i] % 10, x + 70, baseline - height - 30);
            g.setFont(label);
            g.drawString(names[i], x, baseline + 60);
        }
        g.setStroke(new BasicStroke(4));
        g.drawLine(120, baseline, CHART_WIDTH - 120, baseline);
        g.setFont(label);
        g.drawString(drawable(label, words.unit(), lang), 120, baseline + 140);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        g.drawString(drawable(g.getFont(), words.source(), lang), 120, CHART_HEIGHT - 60);
        g.drawString(lang, CHART_WIDTH - 180, CHART_HEIGHT - 60);
        g.dispose();
        return encode(image, "png");
    }

    private static String drawable(Font font, String text, String lang) {
        return font.canDisplayUpTo(text) == -1 ? text : "[" + lang + "]";
    }

    private static void drawWrapped(Graphics2D g, String text, int x, int y, int width, Font font) {
        g.setFont(font);
        StringBuilder line = new StringBuilder();
        int lineY = y;
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (g.getFontMetrics().stringWidth(candidate) > width && !line.isEmpty()) {
                g.drawString(line.toString(), x, lineY);
                lineY += font.getSize() + 16;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        g.drawString(line.toString(), x, lineY);
    }

    private static void people(Graphics2D g, Random random) {
        g.setColor(new Color(120, 80, 50));
        g.fill(new RoundRectangle2D.Float(300, 640, 1000, 60, 20, 20));
        for (int i = 0; i < 6; i++) {
            int x = 330 + i * 170;
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 0.8f));
            g.fill(new RoundRectangle2D.Float(x, 480, 120, 180, 50, 50));
            g.setColor(new Color(235, 200, 160));
            g.fill(new Ellipse2D.Float(x + 20, 380, 80, 80));
        }
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Float(550, 120, 500, 220, 16, 16));
    }

    private static void city(Graphics2D g, Random random) {
        for (int i = 0; i < 12; i++) {
            int width = 90 + random.nextInt(60);
            int height = 250 + random.nextInt(450);
            int x = 40 + i * 130;
            g.setColor(new Color(40 + i * 8, 50 + i * 6, 80 + i * 5));
            g.fillRect(x, SCENE_HEIGHT - 150 - height, width, height);
            g.setColor(new Color(255, 230, 140));
            for (int w = SCENE_HEIGHT - 120 - height; w < SCENE_HEIGHT - 200; w += 60) {
                g.fillRect(x + 20, w, 16, 24);
                g.fillRect(x + width - 36, w, 16, 24);
            }
        }
        g.setColor(new Color(60, 60, 70));
        g.fillRect(0, SCENE_HEIGHT - 150, SCENE_WIDTH, 150);
    }

    private static void landscape(Graphics2D g, Random random) {
        g.setColor(new Color(255, 220, 120));
        g.fill(new Ellipse2D.Float(1150 + random.nextInt(200), 120, 180, 180));
        for (int i = 0; i < 4; i++) {
            g.setColor(new Color(40 + i * 20, 110 + i * 15, 80 + i * 10));
            int peak = 250 + random.nextInt(250);
            int left = -200 + i * 450;
            g.fillPolygon(new Polygon(new int[] {left, left + 400, left + 800}, new int[] {800, peak, 800}, 3));
        }
        g.setColor(new Color(70, 140, 190));
        g.fillRect(0, 800, SCENE_WIDTH, 200);
    }

    private static void delta(Graphics2D g, Random random) {
        for (int row = 0; row < 8; row++) {
            g.setColor(row % 2 == 0 ? new Color(120, 180, 70) : new Color(150, 200, 90));
            g.fillRect(0, 420 + row * 75, SCENE_WIDTH, 75);
        }
        g.setColor(new Color(80, 140, 180));
        g.setStroke(new BasicStroke(90, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int bend = 300 + random.nextInt(400);
        g.drawPolyline(new int[] {0, bend, bend + 500, SCENE_WIDTH}, new int[] {520, 700, 600, 900}, 4);
        g.setColor(new Color(255, 230, 150));
        g.fill(new Ellipse2D.Float(200, 100, 160, 160));
    }

    private static void circuit(Graphics2D g, Random random) {
        g.setColor(new Color(20, 90, 60));
        g.fill(new RoundRectangle2D.Float(200, 150, 1200, 700, 40, 40));
        g.setColor(new Color(220, 190, 90));
        g.setStroke(new BasicStroke(8));
        for (int i = 0; i < 14; i++) {
            int y = 200 + i * 45;
            int x = 240 + random.nextInt(300);
            g.drawLine(x, y, 600, y);
            g.drawLine(1000, y, 1360 - random.nextInt(300), y);
        }
        g.setColor(new Color(30, 30, 35));
        g.fill(new RoundRectangle2D.Float(600, 300, 400, 400, 20, 20));
    }

    private static void coffee(Graphics2D g, Random random) {
        g.setColor(new Color(245, 240, 230));
        g.fill(new RoundRectangle2D.Float(560, 380, 420, 440, 60, 60));
        g.setStroke(new BasicStroke(36));
        g.drawArc(900, 480, 200, 220, -90, 180);
        g.setColor(new Color(90, 55, 30));
        g.fill(new Ellipse2D.Float(590, 360, 360, 70));
        g.setColor(new Color(255, 255, 255, 150));
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 3; i++) {
            int x = 660 + i * 100 + random.nextInt(20);
            g.drawPolyline(new int[] {x, x + 30, x, x + 30}, new int[] {330, 260, 190, 120}, 4);
        }
    }

    private static void lanterns(Graphics2D g, Random random) {
        g.setColor(new Color(60, 40, 30));
        g.setStroke(new BasicStroke(6));
        g.drawLine(0, 160, SCENE_WIDTH, 200);
        for (int i = 0; i < 7; i++) {
            int x = 110 + i * 210;
            g.setColor(new Color(60, 40, 30));
            g.drawLine(x + 70, 170, x + 70, 260);
            g.setColor(Color.getHSBColor(0.02f + random.nextFloat() * 0.12f, 0.85f, 0.95f));
            g.fill(new Ellipse2D.Float(x, 260, 140, 200));
        }
    }

    private static void timeline(Graphics2D g) {
        g.setColor(new Color(250, 246, 236));
        g.fillRect(0, 0, SCENE_WIDTH, SCENE_HEIGHT);
        g.setColor(new Color(180, 30, 40));
        g.setStroke(new BasicStroke(12));
        g.drawLine(150, 520, 1450, 520);
        String[] years = {"2023", "2024", "2030", "2045"};
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
        for (int i = 0; i < years.length; i++) {
            int x = 200 + i * 400;
            g.fill(new Ellipse2D.Float(x - 40, 480, 80, 80));
            g.drawString(years[i], x - 90, 680);
        }
    }

    private static void caption(Graphics2D g, String label, int width, int height) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(width - 420, height - 56, 420, 56);
        g.setColor(new Color(30, 30, 30));
        g.drawString(label, width - 400, height - 18);
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
