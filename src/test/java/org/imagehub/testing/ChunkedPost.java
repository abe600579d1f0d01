package org.imagehub.testing;

import io.restassured.RestAssured;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A POST whose body goes out with {@code Transfer-Encoding: chunked} and no Content-Length, over a plain socket, so
 * nothing in the client buffers or sizes the body first. The body is written from its own thread while the answer is
 * read, as a server may answer (and close) before the body is complete; a write that fails after that is ignored.
 */
public final class ChunkedPost {
    private static final int CHUNK = 64 * 1024;

    /** Status, headers (lower-case names) and, unless streamed to a line consumer, the body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private ChunkedPost() {
    }

    public static Answer send(String path, String contentType, String bearer, InputStream body) throws IOException {
        return send(path, contentType, bearer, body, null);
    }

    /** Sends {@code body}; when {@code lines} is given, each line of the answer goes to it as it arrives. */
    public static Answer send(String path, String contentType, String bearer, InputStream body, Consumer<String> lines) throws IOException {
        URI base = URI.create(RestAssured.baseURI);
        try (Socket socket = new Socket(base.getHost(), RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + RestAssured.port + "\r\n"
                    + "Content-Type: " + contentType + "\r\nAuthorization: Bearer " + bearer + "\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> writeChunks(body, out), "chunked-body");
            writer.setDaemon(true);
            writer.start();
            return read(new BufferedInputStream(socket.getInputStream()), lines);
        }
    }

    private static void writeChunks(InputStream body, OutputStream out) {
        byte[] buffer = new byte[CHUNK];
        try (body) {
            for (int n = body.readNBytes(buffer, 0, CHUNK); n > 0; n = body.readNBytes(buffer, 0, CHUNK)) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(buffer, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException serverStoppedReading) {
            // The server answered without reading the whole body: its answer says why.
        }
    }

    static Answer read(InputStream in, Consumer<String> lines) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        InputStream content = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Dechunked(in)
                : headers.containsKey("content-length") ? new java.io.ByteArrayInputStream(in.readNBytes(Integer.parseInt(headers.get("content-length"))))
                : in;
        if (lines == null) {
            return new Answer(status, headers, new String(content.readAllBytes(), StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        for (int b = content.read(); b != -1; b = content.read()) {
            if (b == '\n') {
                lines.accept(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
        if (current.size() > 0) {
            lines.accept(current.toString(StandardCharsets.UTF_8));
        }
        return new Answer(status, headers, null);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed inside the answer's head");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** The body of a chunked answer. */
    private static final class Dechunked extends InputStream {
        private final InputStream in;
        private int left;
        private boolean done;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) {
                    size = line(in);
                }
                left = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            left--;
            return in.read();
        }
    }
}
