package org.imagehub.testing;

import io.restassured.RestAssured;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request written byte for byte over a plain socket: the target, header values and body go out exactly as given,
 * so {@code %00}, {@code %%%}, a repeated parameter or a control character in a header reach the server as a client
 * or fuzzer would send them (RestAssured would encode or refuse them first).
 */
public final class RawRequest {
    private final String method;
    private final String target;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private RawRequest(String method, String target) {
        this.method = method;
        this.target = target;
    }

    /** {@code target} is sent as it is: percent-escapes are not added, nor checked. */
    public static RawRequest of(String method, String target) {
        return new RawRequest(method, target);
    }

    public RawRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RawRequest bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public RawRequest json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public RawRequest body(String contentType, byte[] bytes) {
        header("Content-Type", contentType);
        this.body = bytes;
        return this;
    }

    public ChunkedPost.Answer send() {
        URI base = URI.create(RestAssured.baseURI);
        try (Socket socket = new Socket(base.getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(RestAssured.port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            // ISO-8859-1 keeps every char below 256 as the one byte it stands for, control characters included.
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return ChunkedPost.read(new BufferedInputStream(socket.getInputStream()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }
}
