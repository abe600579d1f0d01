package org.imagehub.delivery.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts to receivers: names resolved through {@link ReceiverAddressPolicy} on every connection (a rebinding name
 * is refused), no proxy (it would resolve names itself), no redirects, bounded connect and read times, and at most
 * {@code hub.webhooks.response-excerpt-bytes} of an answer read.
 */
@ApplicationScoped
public class ReceiverClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final ReceiverAddressPolicy policy;
    private final int excerptBytes;

    public ReceiverClient(ReceiverAddressPolicy policy, WebhookConfig config) {
        this.policy = policy;
        this.excerptBytes = config.responseExcerptBytes();
        this.client = new OkHttpClient.Builder()
                .dns(host -> List.of(policy.connectableAddresses(host)))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.connectTimeout().plus(config.readTimeout()).plus(config.readTimeout()))
                .build();
    }

    /** What came back: the status (0 when none), headers, the start of the body, or why nothing came. */
    record Answer(int status, Map<String, String> headers, String excerpt, String error) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    Answer post(String url, Map<String, String> headers, String body) {
        try {
            // IP literals never reach the resolver hook: check them here (names are checked there, at connect time).
            policy.connectableAddresses(java.net.URI.create(url).getHost());
            Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
            headers.forEach(request::header);
            try (Response response = client.newCall(request.build()).execute()) {
                Map<String, String> answerHeaders = new LinkedHashMap<>();
                response.headers().names().stream().limit(30).forEach(name -> answerHeaders.put(name, truncate(response.header(name), 200)));
                return new Answer(response.code(), answerHeaders, excerpt(response), null);
            }
        } catch (IOException | RuntimeException e) {
            return new Answer(0, Map.of(), null, truncate(e.getClass().getSimpleName() + ": " + e.getMessage(), 500));
        }
    }

    private String excerpt(Response response) throws IOException {
        if (response.body() == null) {
            return null;
        }
        try (InputStream in = response.body().byteStream()) {
            byte[] start = in.readNBytes(excerptBytes);
            return new String(start, StandardCharsets.UTF_8);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
