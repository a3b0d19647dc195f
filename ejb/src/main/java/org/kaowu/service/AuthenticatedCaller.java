package org.kaowu.service;

import java.io.Serializable;
import java.util.Set;

/** Who logged in: the principal name (ID number or staff user name), a name to greet, the roles. */
public record AuthenticatedCaller(String name, String displayName, Set<String> roles) implements Serializable {
}
