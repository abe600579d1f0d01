package org.imagehub.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {
    @ParameterizedTest(name = "[{0}] allows gzip: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|false",
            "''|false",
            "identity|false",
            "br|false",
            "gzip|true",
            "GZIP|true",
            "x-gzip|true",
            "gzip, deflate, br|true",
            "br;q=1.0, gzip;q=0.8, *;q=0.1|true",
            "deflate, gzip;q=0|false",
            "gzip;q=0.000|false",
            "gzip ; q=0.|false",
            "gzip;q=0.001|true",
            "*|true",
            "*;q=0|false",
            "*, gzip;q=0|false",
            "gzip;q=0, *|false",
            "identity;q=1, *;q=0.5|true",
            "gzip;q=0, x-gzip|true",
            "gzip;level=9|true"})
    void readsWhetherGzipMayBeSent(String header, boolean allowed) {
        assertThat(AcceptEncoding.allowsGzip(header)).isEqualTo(allowed);
    }
}
