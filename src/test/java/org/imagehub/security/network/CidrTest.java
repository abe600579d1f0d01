package org.imagehub.security.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void ipv4NetworksMatchTheirAddressesOnly() {
        Cidr network = Cidr.valueOf("10.42.0.0/16");
        assertThat(network.contains(ip("10.42.0.1"))).isTrue();
        assertThat(network.contains(ip("10.42.255.255"))).isTrue();
        assertThat(network.contains(ip("10.43.0.1"))).isFalse();
        assertThat(Cidr.valueOf("192.168.1.128/25").contains(ip("192.168.1.200"))).isTrue();
        assertThat(Cidr.valueOf("192.168.1.128/25").contains(ip("192.168.1.127"))).isFalse();
        assertThat(Cidr.valueOf("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
    }

    @Test
    void aBareAddressIsANetworkOfOneAndHostBitsAreIgnored() {
        assertThat(Cidr.valueOf("127.0.0.1").contains(ip("127.0.0.1"))).isTrue();
        assertThat(Cidr.valueOf("127.0.0.1").contains(ip("127.0.0.2"))).isFalse();
        assertThat(Cidr.valueOf("10.42.7.9/16")).hasToString("10.42.0.0/16");
    }

    @Test
    void ipv6NetworksMatchAndNeverMixWithIpv4() {
        Cidr network = Cidr.valueOf("fd00:abcd::/32");
        assertThat(network.contains(ip("fd00:abcd:1::7"))).isTrue();
        assertThat(network.contains(ip("fd00:abce::7"))).isFalse();
        assertThat(Cidr.valueOf("2001:db8::/29").contains(ip("2001:dbf::1"))).isTrue();
        assertThat(Cidr.valueOf("2001:db8::/29").contains(ip("2001:dc0::1"))).isFalse();
        assertThat(Cidr.valueOf("::/0").contains(ip("10.0.0.1"))).isFalse();
        assertThat(Cidr.valueOf("::1").contains(ip("::1"))).isTrue();
        // An IPv4-mapped IPv6 address is the IPv4 address.
        assertThat(Cidr.valueOf("10.0.0.0/8").contains(ip("::ffff:10.3.4.5"))).isTrue();
    }

    @Test
    void malformedNetworksAreRefused() {
        for (String bad : new String[] {"", "10.0.0.0/33", "fd00::/129", "10.0.0.0/-1", "10.0.0/8", "ingress.example.org/24",
                "10.0.0.0/8/8", "10.0.0.0/ 8"}) {
            assertThatThrownBy(() -> Cidr.valueOf(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }
}
