package org.kaowu.it.bench;

import org.kaowu.domain.account.PasswordHasher;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** The login benchmark's baseline: one PBKDF2-HMAC-SHA256 of {@link PasswordHasher}'s cost, straight from the JDK. */
final class RawPbkdf2 {

    static final String PASSWORD = "Bench2026x";

    private RawPbkdf2() {
    }

    static void hash() throws GeneralSecurityException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, PasswordHasher.ITERATIONS, 256))
                .getEncoded();
    }
}
