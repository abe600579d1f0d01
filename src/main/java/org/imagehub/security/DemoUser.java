package org.imagehub.security;

import java.util.List;

/** A demo account (demo profile only): see src/main/resources/demo/users.json and the README. */
public record DemoUser(String username, String password, String name, String organisation, List<String> roles) {
}
