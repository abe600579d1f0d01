import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a valid PDF of about N MB for media-bench.sh's upload figure: one page whose content stream repeats a line
 * of text operators (the hub's PDFBox rewrite keeps it), with a seed in it so that no two runs share a hash.
 * Usage: java bench/MediaBenchPdf.java FILE MB SEED
 */
public class MediaBenchPdf {
    public static void main(String[] args) throws IOException {
        long target = Long.parseLong(args[1]) * 1_000_000L;
        try (CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])), 1 << 20))) {
            List<Long> offsets = new ArrayList<>();
            out.text("%PDF-1.7\n% seed " + args[2] + "\n");
            object(out, offsets, 1, "<< /Type /Catalog /Pages 2 0 R >>");
            object(out, offsets, 2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            object(out, offsets, 3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                    + "/Resources << /Font << /F1 5 0 R >> >> >>");
            byte[] line = "BT /F1 12 Tf 72 720 Td (Image Hub bench document: a line of words) Tj ET\n".getBytes(StandardCharsets.US_ASCII);
            long lines = target / line.length;
            offsets.add(out.count);
            out.text("4 0 obj\n<< /Length " + lines * line.length + " >>\nstream\n");
            for (long i = 0; i < lines; i++) {
                out.write(line);
            }
            out.text("\nendstream\nendobj\n");
            object(out, offsets, 5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
            long xref = out.count;
            out.text("xref\n0 6\n0000000000 65535 f \n");
            for (long offset : offsets) {
                out.text(String.format("%010d 00000 n \n", offset));
            }
            out.text("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        }
    }

    private static void object(CountingStream out, List<Long> offsets, int number, String body) throws IOException {
        offsets.add(out.count);
        out.text(number + " 0 obj\n" + body + "\nendobj\n");
    }

    /** Counts what it writes: the cross-reference table needs each object's byte offset. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        void text(String text) throws IOException {
            write(text.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            count += bytes.length;
        }
    }
}
