package org.kaowu.web.security;

import jakarta.security.enterprise.credential.Credential;
import org.kaowu.service.AuthenticatedCaller;

/**
 * A caller whose password an application service has already checked (with lockout and throttling, which
 * an IdentityStore's yes/no cannot express). Only server code can hand it to
 * {@code SecurityContext.authenticate}; nothing in a request can produce one.
 */
public record VerifiedCallerCredential(AuthenticatedCaller caller) implements Credential {
}
