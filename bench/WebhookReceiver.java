import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook bench's receiver (#14): answers 204 to every POST on 127.0.0.1:PORT, checks each request's Standard
 * Webhooks signature against the secrets file (one "path secret" per line, read when the first request comes), and
 * exits once EXPECTED distinct webhook-ids with a valid signature arrived, printing the wall-clock time of the last.
 * Usage: java bench/WebhookReceiver.java PORT EXPECTED SECRETS_FILE
 */
public class WebhookReceiver {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int expected = Integer.parseInt(args[1]);
        Path secretsFile = Path.of(args[2]);
        Map<String, String> secrets = new ConcurrentHashMap<>();
        Set<String> verified = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(1);
        int[] bad = {0};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (secrets.isEmpty()) {
                synchronized (secrets) {
                    if (secrets.isEmpty()) {
                        for (String line : Files.readAllLines(secretsFile)) {
                            String[] parts = line.split(" ", 2);
                            secrets.put(parts[0], parts[1]);
                        }
                    }
                }
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String secret = secrets.get(exchange.getRequestURI().getPath());
            if (secret != null && signature != null && signature.contains("v1," + sign(secret, id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)))) {
                verified.add(id);
            } else {
                synchronized (bad) {
                    bad[0]++;
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            if (verified.size() >= expected) {
                done.countDown();
            }
        });
        server.start();
        System.out.println("READY");
        done.await();
        System.out.println("DONE " + System.currentTimeMillis() + " verified=" + verified.size() + " bad=" + bad[0]);
        server.stop(0);
        System.exit(0);
    }

    private static String sign(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
