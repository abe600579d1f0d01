package org.imagehub.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests from a client address of their own. The hub believes X-Forwarded-For only from trusted proxies (none in
 * tests), so a test that needs its own address really connects from one: the socket is bound to a fresh loopback
 * address (all of 127.0.0.0/8 is loopback on Linux), and the hub sees that address as the peer.
 */
public final class Clients {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Clients() {
    }

    /** A request from a loopback address no other call of this method has used in this run. */
    public static RequestSpecification fresh() {
        int n = NEXT.getAndIncrement();
        return from("127." + (2 + n / 64_000 % 250) + "." + (n / 250 % 256) + "." + (1 + n % 250));
    }

    public static RequestSpecification from(String loopbackAddress) {
        try {
            InetAddress local = InetAddress.getByName(loopbackAddress);
            // Apache HttpClient's route parameter: the local address outgoing connections bind to.
            return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", local)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }
}
