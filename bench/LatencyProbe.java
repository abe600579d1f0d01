import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load for the benches: C threads, each with its own HTTP/1.1 connection, ask URLs drawn at random from a
 * file (one a line) for S seconds, and every answered request's latency is kept, so the percentiles are of all of
 * them (a request without a 200 is counted as an error, not timed).
 * Usage: java bench/LatencyProbe.java URL_FILE CONNECTIONS SECONDS API_KEY [ACCEPT_ENCODING]
 * (ACCEPT_ENCODING, e.g. gzip: sent as Accept-Encoding; the body is timed as it comes, not decompressed.)
 */
public class LatencyProbe {
    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        int connections = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String key = args[3];
        String acceptEncoding = args.length > 4 ? args[4] : null;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[connections];
        int[] counts = new int[connections];
        for (int t = 0; t < connections; t++) {
            samples.add(new long[4096]);
            int index = t;
            threads[t] = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] mine = samples.get(index);
                int n = 0;
                while (System.nanoTime() < end) {
                    String url = urls.get(ThreadLocalRandom.current().nextInt(urls.size()));
                    long start = System.nanoTime();
                    try {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", key);
                        if (acceptEncoding != null) {
                            request.header("Accept-Encoding", acceptEncoding);
                        }
                        HttpResponse<byte[]> response = client.send(request.build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                samples.set(index, mine);
                counts[index] = n;
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        if (total == 0) {
            System.out.printf("no request answered 200 in %d s (errors %d)%n", seconds, errors.get());
            return;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(samples.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double mean = Arrays.stream(all).average().orElse(0) / 1e6;
        System.out.printf("requests %d (200) in %d s = %.0f req/s, errors %d; ms: mean %.2f p50 %.2f p90 %.2f p95 %.2f p99 %.2f max %.2f%n", total, seconds,
                total / (double) seconds, errors.get(), mean, all[total / 2] / 1e6, all[(int) (total * 0.90)] / 1e6, all[(int) (total * 0.95)] / 1e6,
                all[(int) (total * 0.99)] / 1e6, all[total - 1] / 1e6);
    }
}
