package org.imagehub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every word of the console has its Vietnamese text, and no Vietnamese text is left without a word. */
class ConsoleMessagesTest {
    @Test
    void vietnameseHasEveryKeyAndNoOther() throws Exception {
        Properties vietnamese = new Properties();
        try (Reader in = new InputStreamReader(ConsoleMessagesTest.class.getResourceAsStream("/messages/msg_vi.properties"), StandardCharsets.UTF_8)) {
            vietnamese.load(in);
        }
        Set<String> keys = Arrays.stream(ConsoleMessages.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(vietnamese.stringPropertyNames())).isEqualTo(keys);
        vietnamese.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
    }
}
