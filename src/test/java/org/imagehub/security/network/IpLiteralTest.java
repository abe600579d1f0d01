package org.imagehub.security.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void literalsAreParsedAndFormattedCanonically() {
        assertThat(IpLiteral.parse(" 203.0.113.7 ").map(IpLiteral::format)).contains("203.0.113.7");
        assertThat(IpLiteral.parse("2001:DB8:0:0:0:0:0:1").map(IpLiteral::format)).contains("2001:db8::1");
        assertThat(IpLiteral.parse("[::1]").map(IpLiteral::format)).contains("::1");
        assertThat(IpLiteral.parse("::ffff:198.51.100.1").map(IpLiteral::format)).contains("198.51.100.1");
    }

    @Test
    void anythingButALiteralIsRefusedWithoutALookup() {
        // "localhost" and a public name would resolve if handed to a resolver; here they are simply not addresses.
        for (String text : new String[] {"localhost", "example.org", "", " ", "unknown", "1.2.3", "1.2.3.4.5", "256.1.1.1",
                "1.2.3.4:80", "fe80::1%eth0", "::g", "0x7f.1"}) {
            assertThat(IpLiteral.parse(text)).as(text).isEmpty();
        }
        assertThat(IpLiteral.parse(null)).isEmpty();
    }
}
