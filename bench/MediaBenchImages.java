import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws N distinct photo-like JPEGs of 4000 × 3000 (12 MP) for bench/media-bench.sh: a gradient, random shapes and
 * per-pixel noise, so the files compress like photographs (a few MB) and none is a duplicate of another.
 * Usage: java bench/MediaBenchImages.java DIR N SEED
 */
public class MediaBenchImages {
    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        for (int n = 1; n <= count; n++) {
            Random random = new Random(seed + n);
            BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt()), 4000, 3000, new Color(random.nextInt())));
            g.fillRect(0, 0, 4000, 3000);
            for (int i = 0; i < 400; i++) {
                g.setColor(new Color(random.nextInt(), true));
                g.fillOval(random.nextInt(4000), random.nextInt(3000), 50 + random.nextInt(800), 50 + random.nextInt(800));
            }
            g.dispose();
            for (int y = 0; y < 3000; y++) {
                for (int x = 0; x < 4000; x++) {
                    int rgb = image.getRGB(x, y);
                    int noise = random.nextInt(25) - 12;
                    int r = clamp(((rgb >> 16) & 255) + noise), gr = clamp(((rgb >> 8) & 255) + noise), b = clamp((rgb & 255) + noise);
                    image.setRGB(x, y, (r << 16) | (gr << 8) | b);
                }
            }
            ImageIO.write(image, "jpeg", new File(dir, "photo-" + n + ".jpg"));
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
