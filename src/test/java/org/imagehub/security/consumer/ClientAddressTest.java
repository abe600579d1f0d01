package org.imagehub.security.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.imagehub.security.network.Cidr;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private static final List<Cidr> NONE = List.of();
    private static final List<Cidr> INGRESS = List.of(Cidr.valueOf("10.1.0.0/16"), Cidr.valueOf("fd00:1::/64"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItsHeaderSays() {
        assertThat(ClientAddress.of("203.0.113.7", List.of("198.51.100.1"), NONE)).isEqualTo("203.0.113.7");
        // Being loopback or on a private network earns no trust by itself (it did before trusted proxies existed).
        assertThat(ClientAddress.of("127.0.0.1", List.of("198.51.100.1"), NONE)).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of("10.1.2.3", List.of("198.51.100.1"), NONE)).isEqualTo("10.1.2.3");
    }

    @Test
    void aPeerOutsideTheTrustedProxiesIsTheClient() {
        assertThat(ClientAddress.of("10.2.0.9", List.of("198.51.100.1"), INGRESS)).isEqualTo("10.2.0.9");
    }

    @Test
    void behindTrustedProxiesTheWalkFromTheRightStopsAtTheFirstUntrustedHop() {
        assertThat(ClientAddress.of("10.1.2.3", List.of("198.51.100.1"), INGRESS)).isEqualTo("198.51.100.1");
        // The client wrote the left part itself; the ingress appended the address it saw.
        assertThat(ClientAddress.of("10.1.2.3", List.of("192.0.2.66, 198.51.100.1"), INGRESS)).isEqualTo("198.51.100.1");
        // A chain of trusted proxies is skipped hop by hop, across several header lines.
        assertThat(ClientAddress.of("10.1.2.3", List.of("192.0.2.66, 198.51.100.1", "10.1.9.9"), INGRESS)).isEqualTo("198.51.100.1");
        // A private address that is not a trusted proxy is a client like any other.
        assertThat(ClientAddress.of("10.1.2.3", List.of("198.51.100.1, 10.9.0.5"), INGRESS)).isEqualTo("10.9.0.5");
    }

    @Test
    void onlyLiteralAddressesAreRead() {
        // The walk ends at the last trusted hop when it meets a name or garbage; no name is ever looked up.
        assertThat(ClientAddress.of("10.1.2.3", List.of("not-an-address.example.org"), INGRESS)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.3", List.of("198.51.100.1, localhost, 10.1.0.7"), INGRESS)).isEqualTo("10.1.0.7");
        assertThat(ClientAddress.of("10.1.2.3", List.of("198.51.100.1:4431"), INGRESS)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.3", List.of(" [2001:db8::1] "), INGRESS)).isEqualTo("2001:db8::/64");
        assertThat(ClientAddress.of(null, List.of("198.51.100.1"), INGRESS)).isEqualTo("unknown");
        assertThat(ClientAddress.of("10.1.2.3", List.of(), INGRESS)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.3", List.of(""), INGRESS)).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64AndMappedIpv4IsIpv4() {
        assertThat(ClientAddress.of("2001:db8:aa:bb:1:2:3:4", List.of(), NONE)).isEqualTo("2001:db8:aa:bb::/64");
        assertThat(ClientAddress.of("2001:db8:aa:bb:ffff::9", List.of(), NONE)).isEqualTo("2001:db8:aa:bb::/64");
        assertThat(ClientAddress.of("fd00:1::5", List.of("2001:db8:cc::1"), INGRESS)).isEqualTo("2001:db8:cc::/64");
        assertThat(ClientAddress.of("::ffff:203.0.113.7", List.of(), NONE)).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("::ffff:10.1.2.3", List.of("198.51.100.1"), INGRESS)).isEqualTo("198.51.100.1");
    }
}
