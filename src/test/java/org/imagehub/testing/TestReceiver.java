package org.imagehub.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP receiver on 127.0.0.1 that records every request to its own path and answers as its behaviour says.
 * The path is unique to the receiver because ports are reused: a subscription left behind by an earlier test may
 * still deliver to the same port, and those requests are answered 410 and not recorded.
 */
public final class TestReceiver implements AutoCloseable {
    /** One request as received: headers (lower-case names) and body. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final String path = "/hooks/" + java.util.UUID.randomUUID();
    public final List<Received> received = new CopyOnWriteArrayList<>();

    /** {@code answer} gives the status for the n-th request (0-based); it may block to play a slow receiver. */
    public TestReceiver(Function<Integer, Integer> answer) throws IOException {
        this(answer, Map.of());
    }

    public TestReceiver(Function<Integer, Integer> answer, Map<String, String> answerHeaders) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> handle(exchange, answer, answerHeaders));
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Integer, Integer> answer, Map<String, String> answerHeaders) throws IOException {
        if (!path.equals(exchange.getRequestURI().getPath())) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
            return;
        }
        Map<String, List<String>> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int index;
        synchronized (received) {
            index = received.size();
            received.add(new Received(headers, body));
        }
        int status = answer.apply(index);
        answerHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] reply = ("{\"n\":" + index + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
