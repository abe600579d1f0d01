package org.imagehub.delivery.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.imagehub.platform.errors.ValidationException;
import org.junit.jupiter.api.Test;

/** The SSRF rules as production applies them (https only, no exceptions). */
class ReceiverAddressPolicyTest {
    private final ReceiverAddressPolicy production = new ReceiverAddressPolicy(true, List.of());

    private static String refusal(ReceiverAddressPolicy policy, String url) {
        try {
            policy.checkRegistration(url);
        } catch (ValidationException e) {
            assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("url"));
            return e.errors().get(0).code();
        }
        return null;
    }

    @Test
    void loopbackPrivateLinkLocalAndMetadataAddressesAreRefusedNamingTheRule() {
        assertThat(refusal(production, "https://127.0.0.1/hook")).isEqualTo("loopback");
        assertThat(refusal(production, "https://[::1]/hook")).isEqualTo("loopback");
        assertThat(refusal(production, "https://169.254.169.254/latest/meta-data/")).isEqualTo("link-local");
        assertThat(refusal(production, "https://10.0.0.1/hook")).isEqualTo("private");
        assertThat(refusal(production, "https://192.168.1.20/hook")).isEqualTo("private");
        assertThat(refusal(production, "https://172.20.0.5/hook")).isEqualTo("private");
        assertThat(refusal(production, "https://100.100.100.200/hook")).isEqualTo("shared");
        assertThat(refusal(production, "https://[fd00::1]/hook")).isEqualTo("private");
        assertThat(refusal(production, "https://[::ffff:127.0.0.1]/hook")).isEqualTo("loopback");
        assertThat(refusal(production, "https://0.0.0.0/hook")).isEqualTo("unspecified");
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAtRegistrationAndAtConnectTime() {
        assertThat(refusal(production, "https://localhost/hook")).isEqualTo("loopback");
        assertThatThrownBy(() -> production.connectableAddresses("localhost")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void productionNeedsHttpsAndAWellFormedUrl() {
        assertThat(refusal(production, "http://93.184.215.14/hook")).isEqualTo("https-required");
        assertThat(refusal(production, "ftp://93.184.215.14/hook")).isEqualTo("https-required");
        assertThat(refusal(production, "https://user:pw@93.184.215.14/hook")).isEqualTo("invalid");
        assertThat(refusal(production, "not a url")).isEqualTo("invalid");
        assertThat(refusal(production, "https://93.184.215.14/hook")).isNull();
    }

    @Test
    void configuredExceptionsAllowExactlyTheirNetworks() throws Exception {
        ReceiverAddressPolicy testing = new ReceiverAddressPolicy(false, List.of("127.0.0.1/32"));
        assertThat(refusal(testing, "http://127.0.0.1:8080/hook")).isNull();
        assertThat(refusal(testing, "http://127.0.0.2:8080/hook")).isEqualTo("loopback");
        assertThat(testing.brokenRule(InetAddress.getByName("10.1.2.3"))).contains("private");
    }
}
