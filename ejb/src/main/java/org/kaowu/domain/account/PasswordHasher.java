package org.kaowu.domain.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/**
 * The one way passwords are hashed and checked, for candidates and staff alike: Jakarta Security's PBKDF2
 * with HMAC-SHA256 at OWASP's recommended 600,000 iterations (the API's default, 2,048, is far too cheap).
 * The iteration count is stored inside each hash, so raising it later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int ITERATIONS = 600_000;

    @Inject
    private Pbkdf2PasswordHash hash;

    private volatile String dummyHash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(char[] password) {
        return hash.generate(password);
    }

    public boolean matches(char[] password, String storedHash) {
        return password != null && storedHash != null && hash.verify(password, storedHash);
    }

    /**
     * Spends the time of a real check against a hash nobody's password matches, so a login for an unknown
     * account takes as long as one for a known account.
     */
    public void matchesNothing(char[] password) {
        if (dummyHash == null) {
            dummyHash = hash.generate("no account has this password".toCharArray());
        }
        hash.verify(password == null ? new char[0] : password, dummyHash);
    }
}
