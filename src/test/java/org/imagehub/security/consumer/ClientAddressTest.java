package org.imagehub.security.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void aPublicPeerIsTheClientWhateverItsHeaderSays() {
        assertThat(ClientAddress.of("203.0.113.7", "198.51.100.1", true)).isEqualTo("203.0.113.7");
    }

    @Test
    void behindAnInClusterProxyTheNearestOutsideHopIsTheClient() {
        assertThat(ClientAddress.of("10.1.2.3", "198.51.100.1", true)).isEqualTo("198.51.100.1");
        // The client wrote the left part itself; the ingress appended the address it saw.
        assertThat(ClientAddress.of("10.1.2.3", "192.0.2.66, 198.51.100.1", true)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("127.0.0.1", "198.51.100.1, 10.0.0.5", true)).isEqualTo("198.51.100.1");
    }

    @Test
    void theHeaderIsIgnoredWhenNotTrustedMissingOrOnlyInternal() {
        assertThat(ClientAddress.of("10.1.2.3", "198.51.100.1", false)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.3", null, true)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.3", "10.0.0.9, 192.168.1.1", true)).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.3", "not-an-address.example.org", true)).isEqualTo("not-an-address.example.org");
    }
}
